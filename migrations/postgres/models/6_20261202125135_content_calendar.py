from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "content_articles" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "edition_id" BIGINT NOT NULL,
    "idx" INT NOT NULL,
    "role" VARCHAR(16) NOT NULL,
    "title" VARCHAR(64) NOT NULL,
    "author" VARCHAR(16) NOT NULL,
    "digest" VARCHAR(128) NOT NULL,
    "content" TEXT NOT NULL,
    "cover_image_id" BIGINT NOT NULL,
    "source_url" VARCHAR(1024) NOT NULL,
    "need_open_comment" BOOL NOT NULL,
    "only_fans_can_comment" BOOL NOT NULL,
    CONSTRAINT "uid_content_art_edition_342554" UNIQUE ("edition_id", "idx")
);
COMMENT ON TABLE "content_articles" IS 'One article of an edition, in slot `idx` (0 = headline position) with its planned `role`';
        CREATE TABLE IF NOT EXISTS "content_editions" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "plan_id" BIGINT,
    "title" VARCHAR(64) NOT NULL,
    "mode" VARCHAR(8) NOT NULL,
    "tag_id" BIGINT,
    "status" VARCHAR(12) NOT NULL DEFAULT 'draft',
    "stage" VARCHAR(12) NOT NULL DEFAULT 'none',
    "scheduled_at" TIMESTAMPTZ,
    "next_attempt_at" TIMESTAMPTZ,
    "attempts" INT NOT NULL DEFAULT 0,
    "media_id" VARCHAR(128),
    "publish_id" VARCHAR(64),
    "msg_id" BIGINT,
    "msg_data_id" BIGINT,
    "article_id" VARCHAR(128),
    "article_urls" JSONB,
    "wx_status" VARCHAR(32),
    "total_count" INT,
    "filter_count" INT,
    "sent_count" INT,
    "error_count" INT,
    "errcode" INT,
    "last_error" VARCHAR(255),
    "published_at" TIMESTAMPTZ,
    "created_by" BIGINT,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_content_edi_plan_id_04854a" ON "content_editions" ("plan_id");
CREATE INDEX IF NOT EXISTS "idx_content_edi_publish_f1f2f9" ON "content_editions" ("publish_id");
CREATE INDEX IF NOT EXISTS "idx_content_edi_msg_id_e02e7d" ON "content_editions" ("msg_id");
CREATE INDEX IF NOT EXISTS "idx_content_edi_status_90ad74" ON "content_editions" ("status", "next_attempt_at");
CREATE INDEX IF NOT EXISTS "idx_content_edi_schedul_e6933e" ON "content_editions" ("scheduled_at");
COMMENT ON TABLE "content_editions" IS 'One edition (期): up to 8 articles published one way (`mode`: publish = draft/add + freepublish/submit;';
        CREATE TABLE IF NOT EXISTS "content_images" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "purpose" VARCHAR(8) NOT NULL,
    "filename" VARCHAR(128) NOT NULL,
    "source_url" VARCHAR(1024),
    "wx_url" VARCHAR(1024) NOT NULL,
    "media_id" VARCHAR(128),
    "created_at" TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_content_ima_source__1230d5" ON "content_images" ("source_url");
COMMENT ON TABLE "content_images" IS 'An image uploaded through the official account: `purpose` inline (media/uploadimg -> `wx_url`, used in';
        CREATE TABLE IF NOT EXISTS "content_notifications" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "kind" VARCHAR(32) NOT NULL,
    "subject" VARCHAR(64) NOT NULL,
    "edition_id" BIGINT,
    "message" VARCHAR(512) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "read_at" TIMESTAMPTZ,
    CONSTRAINT "uid_content_not_kind_07c4e0" UNIQUE ("kind", "subject")
);
COMMENT ON TABLE "content_notifications" IS 'Something a marketer must see (an edition failed: quota, a permanent error, attempts exhausted), listed';
        CREATE TABLE IF NOT EXISTS "content_plans" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "name" VARCHAR(64) NOT NULL,
    "goal" VARCHAR(255) NOT NULL,
    "goal_metric" VARCHAR(24) NOT NULL,
    "goal_target" BIGINT NOT NULL,
    "plan" TEXT NOT NULL,
    "reach_channels" JSONB NOT NULL,
    "warmup_on" DATE NOT NULL,
    "formal_on" DATE NOT NULL,
    "closing_on" DATE NOT NULL,
    "ends_on" DATE NOT NULL,
    "campaign_ids" JSONB NOT NULL,
    "reminder_waves" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL
);
COMMENT ON TABLE "content_plans" IS 'A month''s campaign plan (the seed''s implementation table as one object): a goal with a measurable';
        CREATE TABLE IF NOT EXISTS "content_quota_slots" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "period" VARCHAR(24) NOT NULL,
    "slot" INT NOT NULL,
    "edition_id" BIGINT NOT NULL UNIQUE,
    CONSTRAINT "uid_content_quo_period_020c84" UNIQUE ("period", "slot")
);
COMMENT ON TABLE "content_quota_slots" IS 'One of the account''s mass sends in a quota period (`day:YYYY-MM-DD` for a subscription account,';"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "content_plans";
        DROP TABLE IF EXISTS "content_articles";
        DROP TABLE IF EXISTS "content_quota_slots";
        DROP TABLE IF EXISTS "content_editions";
        DROP TABLE IF EXISTS "content_notifications";
        DROP TABLE IF EXISTS "content_images";"""


MODELS_STATE = (
    "eJztXWtz2za6/isYf6k9R3YSN0m7TrczTprd5kyT9CTu6e6pOxREQhJqkuACoGXNdv/7wQ"
    "teRIoXE4okUzT6obFIPLw8AIH3hvf991HAPOKLs0vvj1jIgITyE/lXTIQ8ukD/PgpxQNQf"
    "zY1G6AhH0aoJHJB44msUzps7PGmvz+OJkBy7cIcp9gVRhzwiXE4jSVkIwEsU4DDGPlpdAe"
    "EJuyUIqzP8hkjCvxLIpwGVYoQWmEoaztCUcYRDBQpoqE57xKVCXfEMbuoxV91VtdrB9a/D"
    "61BILMkFikjoQdM/kaKFqyt66k9O/iCuJN4ZutQHoYE67VMiEJVIzjmLZ3P1L0E+8WaEoz"
    "j01P/hwA1ZXodjfcvT5GkvvqMeCSImSeguHXX++zE6hqarlxFfIbYIEfSeiLBLTkaIhvpy"
    "Qh1Civ1QqA5Qz46wgOPp8yN3jsOZ6hDB4MGoSB/TQ+ROtfeXiIUuQYu5anubPmAYBxP1J5"
    "siV52MOddk6vdUnau5j0Oqet+RbEYUgqse+O23o4AAzqEetFh7o6Pff4eDioQ7IpLm+vmS"
    "psnZ6MaZUuJ7pXGaXE0fd+Qy0sde09m7UP5Nt4WBMHFc5sdBuGofLeWchTmAhnpcz0hIuL"
    "op3EHyGIZpGPt+OrizkZu826pJ8tAFjEemOPZhsAM6eYDVsSPH+fDxyvn89spxjiofQoYo"
    "jN30kOIaPiL1qEITMINHOP3L+fnXX39z/vTrl9++eP7NNy++ffqtaquft3rqm/8kD7NiK7"
    "mU5uzd3999uIIHYupLTb5mOPAfjcESJyjdN4VZotil3TuhBLu/LzLm2zojO7DqjdVMM7Du"
    "WNGPAxYndJW5byR+BRgS6+fPnn/z/NuvXz7Pyc6PtHFc5ZMTLNQTVPh8M8e8ntAVYo1Q9Z"
    "iHSGiA7xyfhDM5BxafPm2h738vP7358fLTsWp1Uh6oH9JT58m5MsfrE78B2TXQAbL+rBPr"
    "z1pYf1ZlndxFlBPh4JrZ4gfFlKQBqSe9jFzj20uhZ9kfHdhPV8m+kN/C9dW7928/X12+/x"
    "kuHwjxL1/TdXn1Fs6c66PLtaPHL9e6Jb8I+vXd1Y8IfqL/+/jhrWaTCTnj+o6rdlf/dwTP"
    "hGPJnJAtHOwVOckOZ4dKvZyLTF2/qBywv+/oKBWYjyr9WTyxnQ+p03fU8hmtf0WpTkM8Z2"
    "I0ca3jBjhrPe9C9vNmsp9XyAZlyzOmuozaiOieTVD74BmUWjWrmE0eFeDw2N6JBJQNUfO1"
    "uIy0a3Gf12ISSr401oyLqI1UtJ716MPoxa5Sy+RGX1gZuYUvrG+r9qF/YmAInN4UjFFwYI"
    "LdmwXmnlM5w85ZU9vqqeA8WD+CQzzTnQRswnNmdnG4xBswpmjrZtVuXjw/ajWZ64dxk6Yd"
    "reU/E44SGxq6Qzz2ifonIpwyDx1/5V38U/13+v796Q8/fIU+g313jiny8HKEGEdf+XRKvj"
    "pBscBg9wULt4sjUTWZ7+om99uG4WbZHKhvWLEOW3OwNQf3eZZ9mGWv8N10J7/4sVnqN6U+"
    "nacqzDdrTyvEAK0Bz152Mb2syw4F08vLdaXJNfR0uPt3dDxdp/bpF4/irXk2Iqav3J2/Fe"
    "DxEtgTWfMNDiJMZ2GdnJmfa5Ux3bRVR/HyfSL1KWEOPclEwICFco4C1S8U4gO4QMcTLKhA"
    "yUBRn/yLp0+for+iZ2cv7k7O0Mdbwn0l8l3okIE5nc2JkGhBwxpJcw/3qxE6rUjZn4W0Wa"
    "TU/xosq1n7AS6qL593WFRfPm9cVOFUeVVYfV7OJDJYHCq4IUmOW4wmSIKjXKMBXEYNcBg/"
    "O+8iG543y4bn68NYSMzlJr7tEtCa0/tm6yub072NohdWMNu/fe5fJfw5bOposc9gJVqHDc"
    "hnsrV1yJRTS2YLmQtCbtSgM6CzgLCEVgklt6TWMvHfnz9+aJjTc8T6lE5dif5EPhUHyGsL"
    "aUBFaR7PhKHj95f/WJeT3vz08fX6BA0XeL3GuwTp3Vdc+kbkr8FsD2zeA7Af47ZGN3jNmE"
    "9w2BDBnYPWqJ8o1K50g8zsUCQ9N0Vsm+vXHz/+VOL69bs1q8GHX96/fqt0BE28akRlg1Xe"
    "xgE0T+PqBb2Pob9Mu/JAZMl01PU1LODNnLg3tN5Sm54atRpqk0bd7LTNfX2/ix0EEutUPw"
    "gLqHWqP6hnt1bYh8WjUSG9b8U4QOpbWIQZv2KPU4vLjYGKtAIMaaBuT4HHNySusc+3Coor"
    "0B4FxfxIkVXT1cuKiv0azgciGvY9ZPQNCwLVpXL5DiI9k834tYJiXbt2qTFDOHQF6ejr/x"
    "gSVEAhTiLG1dBEkyXCSLCYuwqVDEUI/0TH2TFOpidnCHaQxeIC6TBWnfvAVQ+q/wiZuvaf"
    "R2tjbPd3vA6znAzHbiwkC9Q1QiYh00MSW7Ak8kS1TnY2eugYTnIyo0I9lPq9oHKeJk9YqE"
    "+OLU6a41aTR8viVsnUCtV9kuKahepSv3XvhBJsSLLKviNV1ZdSIb7NJz6tIXwYzvBvO3nD"
    "v21xh3+77g+/Ua9mQm/WfoD8ft0l2ODr5mCDryvBBuROrRIh9p1YEF43fzTzXAPd0ZbJvU"
    "7ouw5Seij7R89ofpCJesZZHNVy3zzMi5jhbQne/gBPBFoThleIAU7Z248PU/ojPG+F4GYv"
    "5wphHZybOziZq0MZNzGqrEGtVcVaVe6xqnzWqtlRm0ElbTLqZktJdL3O+SuVSHdL+Klkp8"
    "lfyMW+n6RJHP/88fMVepJf+sntsydFS02azVGvm2jC5AhhlDdGkjH/pC6j5Y7vCDkuryCB"
    "JHE5kUjA/hGUZfVExz++v3xz+vnHy/MXL08K6SNvSCRfoSQ5ZUBDdPnzOyTmbKHzXkIuSX"
    "UribTNNEvUafdm9FoYtHszHkYq1J+dkVSYIwZI8E4MJTYCy7rVrAB46AJgKNUn+Tfm+/rh"
    "asS/YoNW4W9BlBCkxqAGOFON6CgAvsk8Td+dfo9mMfXIBVrMmZKCwEel/gpGedrvxZy6c5"
    "15OyQ+Oh7rLIxjJUXhEJpqKQjEJSGp76M5UzRU5b9d3zBLca5dbXrKU3rvHPtTdJzegqpP"
    "MpZISZ50Sl0tz420o22pxMUgljH2T3Qu9ACyojsTJVJLPJ2Cg65wLHPRnSFwDEacBpgvkx"
    "fS3r/chYcDFs4SyTJ5HBYScYbGOhzcgUlgDAKozm3+Rk8eV+oYSMM6zToWEummWYZzLbTi"
    "EKm3VVdPTkWcKZFfqLfzV8nRBbzUXNHe7Aasseymf1l/4EGIsj2w6vdtfdq1gGvO9O4JHp"
    "LfRE+25h7uAmpA25X27DbZcyLmvnFuHSb7JPi8W47alhS1lRz9wkkFMUPduAy0gacdNGQt"
    "TG+gHxdxVjvunXZc9j8m2o55J5eRNoNBn3t5pYeaSVxl3EFnW9uDlNUvq9MVnh01m5zg7K"
    "i7vUniWWdvo8t4hBQA4cxUEoN7Ddx4mT2lxmPYEWVo4tBvNHOssaNP38nIGjuMOuYRGjsG"
    "RXA6AxkQvEJYa1I9vz1aa5WIdMklTR60dr0ttGhdc92krYOTxgbbpFIEeBRwiIhHE48HDZ"
    "HwmURj6t2N0THkJJ0T7PkU3BlM6FYn2luCqBQo8sEL46ExV3r0uLJI7+pG1+Fx3vhPNOHg"
    "+fkzTabqaIcKRP78iRis+CdnaJzylPlUilVyf7x6/1N6n0B1WbpnSyDsQ1KJJbh3FpxKBU"
    "eSaTCbTqlLofyuqxMzq4v88ukn8QpucwtR2nAd9TXqu6l3jiOfYXAy6dPoWL8P4WqIgJcm"
    "UJRg1Vo1vg7h8h7HU7imnMfBxMlOt2zbSjnNa9HeWdHlQESXUscZKFklnN25tbFlG76VCv"
    "Mtg/9uaHxvLz0s880Sw6btBygObr9cgKTSjN0cMEB6ty9t41iRxE34XSH2WGr06EBHr0dn"
    "RBjFfq4Qw6N3F5GfqXRbpfiK3DVWFMkhg5gj2mzvb/9xVTK7V3YD5ab3nz5++HvWfH2L0D"
    "rlRUnfTHyrYockUuw7OCFJYhBz32SGKaOGN8s8Pe+ySkKzloLR55WVMiTEc1hEQgf219RO"
    "Oa0e9Vr8QzvWdz8DbdHBzkJ/6UxxKBwXb9oLjdewPXFPT/TLhvg2MQMcNdsQsxajLjbE1K"
    "pgYENMEej4On75zbPpyQWKIzCSfZsZ/QSK4olPxZx4EOCMFniJjsfwDOOL7BT6a2LxeoI9"
    "D/0XmnJC0jNPRDwJqHxVa1bc072vwwALsdYuIAJKgT6BU08ECT3s+3Bvotb1JdyLcTROLP"
    "LjEXJ9qugNxIx66g4s0DZEMOgVg9L15dHp90i46oFjXz20+pE+DGR/Wv3SyaGmmPoQ9a1r"
    "kYYu8dWvMwSx8DMyRpy4jHsCzdlCteRJGHkG52jGJOSJ0sZTfWN9yeSNJdws/0G8Ex1Yrq"
    "4o+RLBTnL18oiq5ybYA5uurjoCGBBqFF3jUMmcDlbQIIJ/tRF0MSdJCqqAhrEk6A82QT5j"
    "NwK2T1KJAIOOvZggiBwYITV3wZiDr4VNp/CSEfP9RhPomrXzt0KE3NrTHKmm6nTGsT5ija"
    "O9NI6Cxd9YtC6AbJaUDSVqa23abQYgtQKZsJu1HyC5XUwhzYaQihmkyWveNmE0+s3t/oDu"
    "KvhBRLAfaUmnqn+vDvcz348W6QzJne15xjgCYbJKbX60p8wWxcAKwfcU21vD2mjmPkczr2"
    "sBhp1dA7f93ef+TvvKpER4EXLQYevbS9SfRh4ZCasFzPA2/+3EeZeaZQyJLqNs4tX71S5h"
    "rhysMNaYsKFuABRqE88m3BeAVjvbtAdSc7jh/FJG2am8WwaulLSYm5WhXMfZNK2bp2ld3D"
    "nm9ogSaHiDfft54yWT2Hd09LuBjL2GGtCcvjWhe0p9Sbgxs+swS22NmRKc3KbElkGW1pqS"
    "15wz8wG7hrLE1hLr1vqK2kh1671FllB1BLLmOXrgmcgGZdTwhIPzFy+6ZNx58aI55Q6cqz"
    "VqbGRaX8daU2ufTa1ZZttJXXaltiDoEm5A09We1Xubk/hRfGZx5G3YzWWk7ebedXO/gorf"
    "wbaUo+aQ4uT8qEtAsd7h0jUJUJhuv883y2fpnut23F+gcRRzRT5kSQ51GoBj7Xp6ksBpoA"
    "Nmx4s7sKmNRyiGLMhUB0KXswjt5bbXYZYEAZINnOig3SQVQKA+M67uAIHFTvZDx/rm+QHG"
    "mU9tDIkMVhtXdGAtBPiW8xlchzqhQYAhWneq7iF1MZPjCRFUcY7Gf9ApCU/1W198R73vxz"
    "pvtq4Pewd5DCDdAvGnXYNtbfRsP6Nnk3Fq5lLMITbWcE3FqZj6p1Rd2bBiTBEzQIZ34lJ5"
    "sO19PXPe7mV7X7JuGTpO9r6H8uBptoE1+9kVbzVjqzLtQ2X6wGReM+aoWXMqNeukQIUFRE"
    "c96jMLiC7vgnCuFKAgFhIJorSVVQa2dAfhBfpXzCSGkokrlUNbu6G0YRISicjdHKtLEO9k"
    "pKMQiFdRpPZ03+twskTjv7+9Qk90RUYoBVliafxKb/aEWjvHUAl+BDsZ/yCubMmfllWMT1"
    "va7GmHoeJk3dZ1Cc3aD1BS2X6AR/YtmAjdK8gAKd5+ROoDZv/rmzD4MKGpyS5+Myk8hwxw"
    "iL/otMXqRcseqxfVTVZWCh+sFF6uCoI3KwmCrZu/r/3bLy3rZx+3aVf6dCetCnJEdC5NES"
    "jQ/CuBXBxEmM5CnYg6qTevFBtPnaFB5BPIoKQVEKRvh7DQaghLVI8LKFHBsJ+kmVYKEsEi"
    "5vq51vWond/xWsG40n7Q8RgaOEpt49QdI+3gIoUMNUk2baR0tRnhJ6PkmHqUEVIf7aoAq1"
    "i5jzAPTuMIPUFTpjQ6Hz25Dl2fCVAKlT5GmSfUTaFVHDksHKPv/orGSdP8Z9o+/01CT8CP"
    "EboUFD/5DCVM55giDy/FyRl6J9GMszgS12GWvUjdopz86CzNCTLO3iF5L7Xo0ZAoNgMSTA"
    "g/VVfMKYeLZH8rpBif6JeEvN1sEeqCrzClcPXKtwQaZwccfWAMaoq6nq4fq0YVjj1KQld9"
    "UNapdgASYrPGaerwGbCzZ/vqEMxGJuRm7QdI7k5CMguzvSnNBdgQ2e4ylFtcPFUHj+YsWW"
    "bNpus1oE0Lu7FyH6XiYJn75nzIWfsBpIJtUzt2kQpZi4NOJg5WSW/e91hFftHOx8264btp"
    "HLpakJ7E1Jc0FGdwv+8foHt2syEyE7jrdfMGv34R1KaZH+CE1NIBoGqvB/pkCooJfSXQo6"
    "ZvpdCZ8FdGPWoCUw3YhL0C5FFTV1ThTZaldZxdlLa+KJUNJmYywzrSds/Wu8c6bTbpioMw"
    "6ttNRY+im/vlu/kfiPX67DN51OzAWbUZdfHi6PAxB0qIGhQsYFPtAljV7dTJ/SGDP+S0Rz"
    "gJSku9Feh47OHlxT/Vf6fv35/+8MMYHBuqkYgn+ZWza40qnpwd3+86HGtPUdY+b0z4LXXz"
    "e56M0Fz1FJos4VxeW0A/R+oyudDPmHx46Dh5lpEuznqi2t0QKEu6YHlUn8guo4P9oOK6C2"
    "jthJJMlwGYMHaDqHyFONGZ/L1VAYAsCpCKVd2CEXhUVs+mepyo9lyXUYBoQdEcupc8LZyG"
    "57WRe30yxrVsTsp7rfPepBxhDdAdDNAinUbL9DYnuUmbD8nevL00LD0q0vtI5o7eCC88us"
    "KzepklOdUqqiyIywI1InjkSDzrKKZcqUUSIBABEgvJAsJPFVqtlhL7bAZLNEZwIItI0AEQ"
    "apm/IZHUVdWXoQvLPZjVZ8Qhd2rNDrVbaXZWEVJ2fjcb69Dj76xtjW4qptFSBqaplMaGa/"
    "TDdsKOox1sKMkuQ0lgkjIcvUXMrkge0gBO+DIdxmWUHcwdiGbcIzUJ69pWwhxy0IUM9hwx"
    "osQ3ku5sXGO6rZZqAfXQ1VPrBcptWDy3WL/Wmpw36QBrcjbR2uKoaR+2PjNqNy9DGwOTcg"
    "LQIfYQR47mTD3kGaJCKLXnhizRcYSXEKyP7hCPfaL+gd3NvhqX6s8wNbHq9mBQpZ46ycDC"
    "XVXWdn+7LrVVkxunkhJkTSe2hGpPdbj69MHN0llD8uDD19+2b2HNPzgTfkugwZG8kyQu2e"
    "RlXtizDNyVJDzUSaW4Tbow33fnvwQbkmNh34HsyXJuXgm7hLP1qzakH2QoY+4LIJueYVPm"
    "rYV0h0YlmztnJba87CK1rCvTBaHlZaUMWACRNw6bTp0pqYncbq5BWgEOaPrYmkM+ItwlKU"
    "2TyIDeKtDSWyPvqY/Do0JHjxmO3zqopbiGYho6IiKhZ8rvOu6g7ftbo/MW+1RRwllgalMu"
    "I61NuXc25Wo3q6mF1uQJ6NLPOdR2dK87OjEqG0inOWCPu7e1LS97lPrj28lB3UU6fdqSf7"
    "rWcrmJA64EtJ9Qrz8hKDyyiY9V2Kprh9O/kyVULVbKjKl9qg49IDl9z4YqzaYOuVHdZbJs"
    "VYDDS+y/fctVgTQz5akKHNCQ35outaHmb7X++6nl5JbdbLQsl5F2Ze7zypz0lcMJFnVZO5"
    "pXgwrQrgb3rwaLuwiDHMPcG8N47yrS8t2VbxZLNU7VCwtpKPI04YfH/U6iYRL6khjAjcZ7"
    "CTo80nc3wWAZ16SpuX96yXDD43r7lqmEM10EyJzqHDY8preWDrZXEdo/q2s1lhouNhjdH6"
    "/tREnbrkWyyK0aDH4eGZ3EQ0Px3zTw+QJRdU6gv6Lf/l0IJByhf8U4lFQu//N7NTx7a1e1"
    "e2Z7bfmx+cEfZCXW306V3eZMcTlg/wniHkZX3kkqODWR0tuaUd26K24F2uOmuGy+KZKez0"
    "E93hJnk+01zylQH+hj6C/TrjwQQ1E66mzuvUfV6zXmQf30vZK6P8V+i8itz3aRtyHCvaOw"
    "/SukfsMo25ZIMA+F/q0l9gsU0JAGcaAOgCg8pVxIFMXcnWNBEFOjYIQkJVyMVhWRFmpgsk"
    "VVAt/traxYbsXyA5xMdyyWpx/XBvuTiji7QWzz/XkUzB90k1jiIsyGEsMRvSY42ZrgwJpg"
    "qPo0XMEmB+mgCcHiq+aqW8MyMmuwL1L3e2YI3re2LyTmUmyglJSANkKhPypIVfPU5UHMe7"
    "gAs/3b5/61FjtrsbO2G7MPy1rsHmOvH4TF7ir1FB81Wu3yFqMOlrvcO93VeoclwlnaMSrQ"
    "gnE5H6E5WyCfQQYxCUf1BjudJBpOqDdaqv8t0YSkPvA6W932Lmwtc722VVjL3INY5oqPZc"
    "DxGsyGU3Wqrm0TqtiEKnueu21ClcOg1yZUsQlVDssLooVuKo1ymxYxA1zUumzmaN7KUdnI"
    "0aOUNT2bGg7XdFC1GPUqY43t5x33s4eXNW7LxrWnDLKrenUZSjZnSiZxzefTXMywjLLEVo"
    "lNM/losdKA2XWYFZZW481sM6bddmxmykr40s4zxp3AnW9CdwU+POa/Pu/A/NfnjczDKbv9"
    "wzqT+zK4D9OtaJ3Jj7HX++5MTsv7/h0qMB7V+ZJLDUb3FzbWtRw7upEv8/LCSQVhqBcsz1"
    "CSH+ECJQsG+hN5VARKzKxzGG92CesaPlDXMPSuoVRdgAyuuNKBVyDutdS8k1Q9bKEIcWJB"
    "uNkgXscNj+5dqIem6Xm+MDHPRiJTQS0qk1w4vp3h3Gk0twzmdX7TWl63hAvDYJIq0o7n+8"
    "ezVQkbqT9cZcDqgI+om3ui9L3FPFQ0N236L54etSl8JGlosu3/YwTjjfFT1bNTOos58S5W"
    "MbwRg55GOETkNt+qP0ILKufIxZH6E6IyoEKxugxlSQRwFmJQUxl5xzezWuShapG2AnIipD"
    "zvouI8b9ZwnlcUHBu7vUMJUE9UJuzmgF3RO6ShmywI6np3pGZ2bg53XYNZ/3eBFbV0OssY"
    "m0Rf1iAtpXBkxtlCzo3H5zrMkllgZYPxWYO0lMIRFrpE05KYd2oE3LbogBq0zY7SIVDAw9"
    "RfJtFXjlJbDAZyDdKGxTURnK5KmzBchlqKazL8QFjmZhTXQS3Fdbu5tC3DNBx5HWZXOjhy"
    "ODthID+Pw6ZOSO6ksySYV/1MtS22sqO2i/573qz/nlf034zDjYLqizg7Q9RFLHOCb5wJC2"
    "NBjDKtVZE22drmydaYfkKjDihALPM2qX1/lRWbSHCYjk2bSPDx9K8NQ2kWyQ4zRt3uTHiM"
    "vd7znQlv7yLKl59IAL3Kj+riVMotRq2hKrqtw9PGXaNVQoI4W0AACJrE7g2R6A5l14A9Bl"
    "A+goaCcEnz3HRyThCWLKAucn1MgxESDBHszuGkgEgTMHXXRKvs+GY10Sq/HSU3SsPj9T0S"
    "Hfl3G8hyCIEspe7r3gklmC2yYNgdlQhoU/pLMEv/xvQX5qsK/y2JIIqgIbG/NUtgkh/PgN"
    "MVwPJZP04PYCPK/jZWbb1EtHFxaFsW2iyPqdX5G9k/XG2vX3sS7iThIfbfsFAmOlmNvldu"
    "Mrp/M7qbNDXfjk5D9Ct5w4JXaJxLa2OtSyGfhjdQvnvOWTybaw1MjUUW0vbd6Ztf0W4z6L"
    "U82qydkXTAbrDftwY6uM0H24+PT78aE6ILkB3JAkMi+MEU3p7R/CDqrk3NYPdWWwHX7q22"
    "3dxjPUbnyXqfbGGo0WGKpzvoLzqlVbojwsBnlQAQmyKcZMW6gJpKmSZyPIYyI2OUyZgniG"
    "n/0nSan9K/TmrSaPlkKutdV3u4Z60Hq5DeKZWVre+qR+JLv1N5DVyqMdc7t61uDlsdsuWd"
    "dlUJw7pMdsnuHwwq3LiKEQMnXxlkd1BUFXRgaCPlogS0ukXvdItiJ4M0ukEXF2A2vLnP/a"
    "tTpjhZP3RXDsq4g94nuQfFoCfaerOi3kVHN9LLLxGQHStleIRuyJJ4aLJEAQ3pacTZjOMA"
    "sYiAyw+9xj4OXSIQ5gR5JGQ8wD4VCgH1vbR70CfeDC4k1EOryQCHArRlFtZ6IPd0W+um7P"
    "H3NmpRxJMBYCJrrxDWKWmdkg9NcKQIMnKM5YDheca2X+pHk5VkieFGCQ8qwOGxvWW1PKTu"
    "jbGTt4AZHsHbnyxoeEslDEuzDKBrsMEte9uvzp4w5jmTpXG4SAU6IGPTnmNGJolQb2DmKy"
    "AOWondduYkAwoLCEshHElSJhowuAJYAuGIpISryfqWmJS8LYMskXDEnRP3BvwYOmWRAZlV"
    "oCUUjvhYSCcjx8M1GgLYxRts4jXYNuP44S36LVSCsdsGIXYetoeZY8Fm1niMvV7jZ+pTZo"
    "2PsZywu/dECKwXg4rvo9xg1OYCYbqpEyRtu7lCmrv/fhfCb4U4D52xEktJgki7Vn+3/oVe"
    "+hdslNQOU6J6xIsj4twQI9tsGTU8a9YuSnf2eO/TIzBkRXjpM1zDfXNW1ALki7Ki9m1Kae"
    "FyJ2lRDyMWs2h1K7NePNHP/BWpEGOSxqYIsZYIOLIuDla4bFemauAD1KgOV4OqicQE85Fx"
    "6pcyanguU5v/xX5Rdnus7eZ+bo/9GS8DKElZY3XKTo3a7E1R0qhzzK2IXZcIMY19lELR8d"
    "Wnyw+fL99cvfv44ezzL2/evP38+WSUJ+FhCGd7WSdLHfWqgLCxNQmTPVobLbu6RxdTWEm1"
    "VBOtR9NP0FrC+mkJK4RMG+58rSIHZ7TZfugii6WjbucRNROakL2Os1thO2QGcudmIzoHDN"
    "DMu/2hrFZEM3pzgKW3y0zx4Fsg+jQ7PDbz+VAFkZLgoVYzzZuZ0FFA7dGUW7Xhbm9sbz3Q"
    "OalAOiUmNaRLGJszu97foz77TbitQVqG60IhY85J6Br5jYuYPc4Hbz78szolZAd7uJEntQ"
    "g07CK/p9LdGtba0npnS1tz3WG3JrS9RTLPEdb50Mn58FDB731jesvzPyfTWL2JZ7i8rsOs"
    "8/noomx9NZzw16A2O0yfp3vrCH0U3WwdoYPt5n45Qj/p1fSo2R2aNhh1cIo6ydK8iW80Qa"
    "LjT2//9suHHwoeS8W4oBN/qVq4jHuQPohMGSeISpF5O+/xiX75tW1moV6bGZv9nUnXG7o6"
    "S6DBeTm373kDb2XKmbmbswS0ZN9Ldv88+H1yHD0+F/4D2lq2P7jTyWATe4C1tB/d58vYiN"
    "06qOW4zsNpvXDWC3eADPfMVWRNhzuzKUU+DkNSp48y5hMcNnxHK9Ra904UbFcfUH6k2Kf1"
    "hoRt9OXrjx9/KnXj63druuaHX96/fvvp+JnuP9WIypIKWmCZ0dBoI90KYJ1ED5+5a+B04i"
    "jy6UZ25TLSzvR9numtk2iw3dwX7wEsWq9j94bUb6UqnB61eg6goTPRLTv6Dd5iruQRlCyb"
    "aEGlLlhOOWKLEJG7iPLlKyRgz71AHscLJBgLiZCn+pwaG2hKuZBnaOyRiRyjOVMvjFwfL0"
    "6BG4EmxGcL9LTqVdjrnY33X0HOA3Kk2vyW/jmCKt7qxkToLVmlE5woiU+Q/ASBHNlOVrvQ"
    "ejJ658l4sOj1vk3gDxO/nn8fRuwXUQOSRvfMfT5pdbW954ABGt23HChMQyopNolrLCCGNJ"
    "9sMaoxUNc2y9ddwlhW6+ZfLcgovSSAch4G1FaBNl50xYvYQEUsI60hoG8aYnkyysV8w14u"
    "I20v97mXky/S4XGNf6xZSiqjhrcV5HmXLHnPm7PkPa9kybNmtcF+Tn0yq73V9cqarGpvs2"
    "pm9xnVQPmkHTNiH70Lgljj0xKbkCmInKEx9UgAWXrHiAqUDDYUqdOJXeFCpw5iIUHQLmIS"
    "tmaqc+4ch1QEaMp4ai2rGtP2cscaI9qa1Sy7XWL4araugWlMW9BYzN3UzFb4qq3ZzJrNej"
    "1BP4zpBrtuvb7Wsjt1BdnjBm98i2lyhQr/5VM9zd9rqhY/hDp8QOYGWzFgh4NVF6o30lQy"
    "wACVlC723OfNBt3n1dQPiYBiQO8KMTx+/9Il285fmrPt/KWSbYfHPjGWJwog6wfaVJjIRX"
    "WDsV3EDHFy3kWitLQAq4OnktRkNm8c5BWcFS16ENA4OM8FWDJq1rfmMiw54IuKsPRsCm6h"
    "bCc1WKztc5OusLZPQ9uneB17s5aYwuz86F77p3AmumnXbARhGGM/i+1LoOgYI4jUQy6hvh"
    "oBJ2cI7nahMwoIouaOqY9nNdkHvuxaNttArwXSZmPjkmATeSlrvp1lvQ/8b22NT74Zp2kv"
    "TduQrkCHJIXuWeNSk3roKJYocyaRwciu4PbXB98+fVoRXrNj/RjbMO2bqLBZ+z1aw5M1qW"
    "oKLxzvSSxjT2SXzxD0f+n7zMUpJRXxZb1JqwSjNxE4OG/dUYj5dU7dOUp3UyCc7EVAHicL"
    "NOUsGCEBhV84uSVcYEiMJCRT/0PkTl3Wh0IwTIkiGf6YcTqjoWqY7G04qUo6+7ihFYd6vV"
    "o0i0MPFDPfYcobal8UBSj4pIzJL8Gs4LS539v6Y79YZurL0i7xdPqL0AtPdVHPT7Yv59DM"
    "UaIT77iQf4ZlEs1iqo6PUIC5+ioVGGG1umIvoKG4gACoUFJJ1XIKUU+/kjcsQPpOuhnESU"
    "GvMJ9U1+0dXN8u072em5qXaf2vgT6StR+gO20HGc2Yb0Ru1n6A5G6/8M2CuCzQ06pZJsR1"
    "3FbCHgaddRLSRt7WDOTWzEEr0B4TB2WsF0nOe6LHaYO0YmwsrxdRtjbZhsK6ZDckFM4t9q"
    "nXFPTQ7uKsv4LdNNU3T6d1aHf7DNULeh9Df5mOwAPp9vRj6at/W+tcR7VKJJwYtSuQYDbt"
    "6MlG0XwpqIt9pGEXqZ6ns8uEMyj+zULyCkksboT6PwfvdGqXBcWOkxlYnF8hnFcThwcWOi"
    "u+bleXb38v97Q6Zq+X1GYd0zX0eblb9Xn1SDTffoJyq77vNCH5LPXVdVbgc4TNrn//4LV6"
    "5a71SivmWjF3r2LuFa13lejjrUIuVMzsKOO+1/tzxZxGSJfYVAIkdudQwGmJknh5pJTxmK"
    "DjEGIPdFyCPHmFCOZhmrkRJMtAjScKaW15VaTdzS2sBHugEqxp+dcvq/zayx7YWgScFVl3"
    "KFIlc5Mj52o1gQSzBmO2DmrDEepCOPNJ3SwutoLbH7vPntYExuYHH32UB0gnagIKZ7UWus"
    "LZeyUYx9UNuwkyzVRbQeFABYU+Z5wZam+s2IeoY8dUViuD7IpX6yM1ZrUIsZzWZgrGwtS4"
    "mCGsKNxBFLa2r0bqD8TW1fc9y78S9bHKn/HyA5N0Spt3/9Q3bBUmF5DUUEZ4qV58helaJO"
    "WW8CVS/1NA4qHiFUaIhW6SU7F4GFEPHUPm/FjApmSX0FvijVDEGZT4gz/pLGSceDXbgHZ+"
    "NysN91r+agkuLvS5Yb3qGujg3MHb91jqXGkJQwZcl1EDFC62nwxaLWA6b5ox1xXgHjf2Hl"
    "XI7jXDUzNepxuz2bMw2J1HNTQlCWxOolTE2DxKm+dRSmQek3G9Quw1A0AiklUnjNKZ7eSw"
    "67IvpFnve1bR+5QoTUEYJSZleMugPRrm1xl+9sUy39YsFD4W0iGcs5qI+OYBW0YNL6fo+Y"
    "sXHUasatU4ZPU5a6t4JLaKUnXwTMHdoKPXsXZ/Sd96ujdWKZcFb3XS7FpTVH52dI/9iQWO"
    "1gw77zzITEAj5BGXLyM18JCLfR/eawR2HsY9CKEiU9h/TiXU+FCnFIe6CIinNwPk4xxCrT"
    "BaMH5TF6C107tdh9fhONGKs1oknrqbknt0Ypts97uEnQrHut0IJY5fBON2pBtQDzYwqEfi"
    "IFaM0Bs9U1+pT/PkItlP/5W4DjnRdVr0w3hx5IPJQ/1U371PPah1oq6h3lBJ1zRUgnbSIS"
    "gJOvPYGfqcWtEg9Q7UGD79Pnun9JcH5VL+vA5Tixo6jkPgIETpc9+QSOot/snO/xPIRYip"
    "Dy1n+JagOEJ6TxtKCYHFEEtJgkiKcVf73G8FOTYkdzK7gi2e0l/jXT7+zU1JW0253SOD3b"
    "OXncohvGyph/DyoQsi9E2+23VFhGReNrbTrcEs1R2ojvDSZ7hm0m42LBUgX2RX6hvV1rBU"
    "a1hKpZSqXal4op9mpUzmMTAqFSE2ez8cWZf9Kly268A1cGvx6J0ebG2I981OO7EhZqb5jc"
    "o9l6D2m+r1N2WtiEPu6Z5YES8Jp+78qMaCmJ4ZtVkP8apNbzZBPBaz0RcKa80GIUjjbZgP"
    "oQAZoAa9k2UcPioDhtPmA2T32dNutUfbio9WjG2p1d7ERFGAWBOFoYniQRez//w/u1z2qA"
    "=="
)
