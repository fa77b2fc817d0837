from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "lotteries" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "name" VARCHAR(64) NOT NULL,
    "description" VARCHAR(255),
    "view" VARCHAR(12) NOT NULL DEFAULT 'wheel',
    "cost_points" INT NOT NULL,
    "status" VARCHAR(10) NOT NULL DEFAULT 'draft',
    "display_from" TIMESTAMPTZ,
    "display_until" TIMESTAMPTZ,
    "draw_from" TIMESTAMPTZ,
    "draw_until" TIMESTAMPTZ,
    "daily_draws" INT,
    "lifetime_draws" INT,
    "pity_after" INT,
    "pool_version" INT,
    "published_at" TIMESTAMPTZ,
    "closed_at" TIMESTAMPTZ,
    "created_by" VARCHAR(64),
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL
);
COMMENT ON TABLE "lotteries" IS 'A lottery members draw for points. status: draft | published | closed; view: wheel | nine_grid | scratch';
        CREATE TABLE IF NOT EXISTS "lottery_draws" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "lottery_id" BIGINT NOT NULL,
    "member_id" BIGINT NOT NULL,
    "request_key" VARCHAR(100) NOT NULL,
    "pool_version" INT NOT NULL,
    "random" BIGINT NOT NULL,
    "weights" JSONB NOT NULL,
    "unavailable" JSONB NOT NULL,
    "pity_count" INT NOT NULL,
    "pity_after" INT,
    "decided_by" VARCHAR(32) NOT NULL,
    "prize_id" BIGINT NOT NULL,
    "prize_kind" VARCHAR(8) NOT NULL,
    "prize_name" VARCHAR(64) NOT NULL,
    "real_prize" BOOL NOT NULL,
    "slot" INT,
    "points" INT,
    "coupon_id" BIGINT,
    "cost_points" INT NOT NULL,
    "spend_entry_id" BIGINT NOT NULL,
    "prize_entry_id" BIGINT,
    "day" DATE NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    CONSTRAINT "uid_lottery_dra_lottery_292b50" UNIQUE ("lottery_id", "member_id", "request_key")
);
CREATE INDEX IF NOT EXISTS "idx_lottery_dra_lottery_5c447b" ON "lottery_draws" ("lottery_id", "member_id", "id");
CREATE INDEX IF NOT EXISTS "idx_lottery_dra_member__68d79c" ON "lottery_draws" ("member_id", "id");
CREATE INDEX IF NOT EXISTS "idx_lottery_dra_lottery_3603d1" ON "lottery_draws" ("lottery_id", "id");
COMMENT ON TABLE "lottery_draws" IS 'One draw, with everything needed to audit and replay it.';
        CREATE TABLE IF NOT EXISTS "lottery_gifts" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "draw_id" BIGINT NOT NULL UNIQUE,
    "lottery_id" BIGINT NOT NULL,
    "member_id" BIGINT NOT NULL,
    "prize_id" BIGINT NOT NULL,
    "name" VARCHAR(64) NOT NULL,
    "state" VARCHAR(10) NOT NULL DEFAULT 'won',
    "address" JSONB,
    "carrier" VARCHAR(32),
    "tracking_no" VARCHAR(64),
    "shipped_at" TIMESTAMPTZ,
    "delivered_at" TIMESTAMPTZ,
    "created_at" TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_lottery_gif_member__8b594a" ON "lottery_gifts" ("member_id");
CREATE INDEX IF NOT EXISTS "idx_lottery_gif_state_aedca1" ON "lottery_gifts" ("state", "id");
COMMENT ON TABLE "lottery_gifts" IS 'A won gift waiting for manual fulfilment. state: won | shipped | delivered; the member gives the';
        CREATE TABLE IF NOT EXISTS "lottery_pool_versions" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "lottery_id" BIGINT NOT NULL,
    "version" INT NOT NULL,
    "prizes" JSONB NOT NULL,
    "pity_after" INT,
    "reason" VARCHAR(64) NOT NULL,
    "created_by" VARCHAR(64),
    "created_at" TIMESTAMPTZ NOT NULL,
    CONSTRAINT "uid_lottery_poo_lottery_7be270" UNIQUE ("lottery_id", "version")
);
COMMENT ON TABLE "lottery_pool_versions" IS 'An immutable snapshot of a lottery''s pool: `prizes` = [{id, name, kind, points, coupon_template_id,';
        CREATE TABLE IF NOT EXISTS "lottery_prizes" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "lottery_id" BIGINT NOT NULL,
    "name" VARCHAR(64) NOT NULL,
    "kind" VARCHAR(8) NOT NULL,
    "points" INT,
    "coupon_template_id" BIGINT,
    "cost_fen" INT,
    "image_url" VARCHAR(255),
    "slot" INT NOT NULL DEFAULT 0,
    "weight" INT NOT NULL DEFAULT 0,
    "consolation" BOOL NOT NULL DEFAULT False,
    "stock_total" INT,
    "stock_left" INT,
    "per_member_limit" INT,
    "daily_limit" INT,
    "active" BOOL NOT NULL DEFAULT True,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_lottery_pri_lottery_2c8ba1" ON "lottery_prizes" ("lottery_id");
COMMENT ON TABLE "lottery_prizes" IS 'One prize of a pool. kind: points (`points`, credited through the ledger) | coupon (`coupon_template_id`,';
        CREATE TABLE IF NOT EXISTS "lottery_prize_days" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "prize_id" BIGINT NOT NULL,
    "day" DATE NOT NULL,
    "won" INT NOT NULL,
    CONSTRAINT "uid_lottery_pri_prize_i_3d263a" UNIQUE ("prize_id", "day")
);
COMMENT ON TABLE "lottery_prize_days" IS 'Wins of one prize on one Shanghai day (the prize''s `daily_limit`), raised by a conditional upsert.';
        CREATE TABLE IF NOT EXISTS "lottery_stock_adjustments" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "prize_id" BIGINT NOT NULL,
    "delta" INT NOT NULL,
    "stock_after" INT NOT NULL,
    "reason" VARCHAR(200) NOT NULL,
    "operator" VARCHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_lottery_sto_prize_i_df4c60" ON "lottery_stock_adjustments" ("prize_id");
COMMENT ON TABLE "lottery_stock_adjustments" IS 'A marketer''s stock change of a prize, with its reason (the audit trail of `stock_left`).';"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "lottery_draws";
        DROP TABLE IF EXISTS "lottery_prize_days";
        DROP TABLE IF EXISTS "lotteries";
        DROP TABLE IF EXISTS "lottery_stock_adjustments";
        DROP TABLE IF EXISTS "lottery_gifts";
        DROP TABLE IF EXISTS "lottery_prizes";
        DROP TABLE IF EXISTS "lottery_pool_versions";"""


MODELS_STATE = (
    "eJztXWlz2zia/isof4ldpXhi5+geZ2eqHHdmJruTpKudmd7dpIuCSUjCmAQ0BGlZ293/ff"
    "ECpMRTJmQdEI3+0JFJPDwegMB749ejiAckFKeXwb9SkUSEJT+Rf6dEJEcX6NcjhiMif7Q3"
    "GqAjPJ0um8CBBN+ECoUXzb1Yt1fn8Y1IYuzDHUY4FEQeCojwYzpNKGcAvEQRZikO0fIKCN"
    "/wO4KwPBPfkoTEzwQKaUQTMUAzTBPKxmjEY4SZBEWUydMB8amQVzyFmwbcl3eVrbZw/W/s"
    "GxMJTsgFmhIWQNPfkKQlllcM5M+Y/Iv4CQlO0aU6CA3k6ZASgWiCkknM0/FE/ktQSIIxiV"
    "HKAvl/OHBL5t/YUN3yuX7ai/+gAYmmPCHMn3vy/J+H6BiaLl9GPEN8xhD0nphin5wMEGXq"
    "ckIeQpJ9JmQHyGdHWMDx7PmRP8FsLDtEcHgwKrLHDBC5l+3DOeLMJ2g2kW3vsgdkaXQjf/"
    "IR8uXJNI4Vmeo9Zecq7lNGZe97CR8TiYhlD3z9ehQRwHk0gBaVNzr65Rc4KEm4J0I3V8+n"
    "m+qz01tvREkYlMapvpo67iXzqTr2jo4/sOQvqi0MhBvP52EasWX76TyZcLYAUKbG9ZgwEs"
    "ubwh2SOIVhytIwzAZ3PnL1uy2b6IcuYAIywmkIgx3Q+gGWx44879PnL971+y+ed1T7EHJE"
    "YexmhyTX8BHJRxWKgDE8wvM/np+/fPnd+YuXb75//eq7715//+J72VY9b/3Ud7/rh1mypS"
    "+lOPvw1w+fvsADcfml6q8ZDvyuMDjBGqX6pjBLFLu0eyeUYA/3Rc78qs7IDyx7YznT9Kw7"
    "lvTjiKearjL3rcQvAX1i/fzs1Xevvn/55tWC7MWRVRzX+YwJFvIJanxeTXDcTOgSUSFUPu"
    "YhEhrhey8kbJxMgMUXL1bQ98/Ln67+dvnTsWx1Uh6on7JT5/pcmePqxG9AdgO0h6yfdWL9"
    "bAXrZ3XWyf2UxkR4uGG2+EEyldCINJNeRlb4DjLoaf6jA/vZKmkL+Su4/vLh4/vrL5cff4"
    "TLR0L8O1R0XX55D2fO1dF55ejxm0q3LC6Cfv7w5W8I/kT/+/nTe8UmF8k4Vndctvvyv0fw"
    "TDhNuMf4zMNBkZP8cH6o1MsLkanrF7UA7O47OsoE5qNafxZPbOZD6vQdrfiMql9RptOQwL"
    "sxmriquB7OWq+6kP2qnexXNbJB2QqMqS6j1iLasglqFzyDUitnFbPJowbsH9tbkYDyIWq+"
    "FpeRbi22eS0mLInnxppxEbWWimZZj+5HL/alWpas9YWVkRv4wmxbtQ/9EwND4Oi2YIyCAz"
    "fYv53hOPBqZ/g5b2tbPxWdR9UjmOGx6iRgE54zt4vDJa7AmKKsm3W7efH8YKXJXD2Mr5t2"
    "tJb/SGKkbWjoHsVpSOQ/UxJTHqDjZ8HF/8j/nn/8+PyHH56ha7DvTjBFAZ4PEI/Rs5COyL"
    "MTlAoMdl+wcPt4Kuom823d5GHbMNwsnwPVDWvWYWcOduZgm2fZ/Sx7he+mO/nFj81Rvy71"
    "2TxVY75de1oiemgNOHvTxfRSlR0Kppc3VaXJN/R0+Lt3dLyoUvvi0aN4Y56NKVdX7s7fEv"
    "B0CbRE1rzC0RTTMWuSMxfnVsqYftaqo3j5UUt9UphDf8hFwIizZIIi2S8U4gNigY5vsKAC"
    "6YEiP/nXL168QH9CZ6ev709O0ec7EodS5LtQIQMTOp4QkaAZZQ2S5g7u1yB0OpHSnoW0Xa"
    "RU/xosq3n7Hi6qb151WFTfvGpdVOFUeVVYfl7ezdRgcajh+iQ5bjCaQAdH+UYDuIzq4TA+"
    "O+8iG563y4bn1WEsEhwn6/i2S0BnTrfN1lc2pwdrRS8sYa5/be5fKfx5fOQpsc9gJarCeu"
    "Qz2dg6ZMqpI3MFmTNCbuWgM6CzgHCE1gkld6TRMvGf158/tczpC0R1Sqd+gn5DIRUHyOsK"
    "0oCK0jyeC0PHHy//uyonXf3987vqBA0XeFfhPQHpPZRchkbkV2CuB9bvAcjHuGvQDd5xHh"
    "LMWiK4F6AK9TcStS3dIDc7FElfmCI2zfW7z5//XuL63YeK1eDTPz6+ey91BEW8bESTFqu8"
    "iwNon8blCwafWTjPuvJAZMls1NkaFnA1If4tbbbUZqcGKw21ulE3O217Xz/sYgeBxDnVD8"
    "IC6pzqe/XsNgr7sHi0KqQPrRgHSP0KFmHGr9nj5OJya6AiLQF9GqibU+DxLUkb7PMrBcUl"
    "aIeC4uJIkVXT1cuJinYN5wMRDW0PGb3iUSS7NJl/gEhPnYzfKCg2tVstNeYIjy4hHX39nx"
    "lBBRSKyZTHcmiimznCSPA09iVKD0UI/0TH+bGYjE5OEWSQpeICqTBWVfvAlw+qfjAur/3b"
    "UWWMbf+O31hek+HYT0XCI3kNxhOo9KBjC+YkOZGtdWZjgI7hZEzGVMiHkn/PaDLJiifM5C"
    "fHZyftcav60fK4VTJyQrVNUly7UF3qt+6dUIL1SVbZdaSq/FJqxK/yiY8aCO+HM/z7Tt7w"
    "71e4w7+v+sNv5auZ0Ju37yG/L7sEG7xsDzZ4WQs2IPdylWA49FJB4qb5o53nBuiWUiZ3Oq"
    "FvO0hpX/YPy2jey0Q9jnk6beS+fZgXMf1LCd78ANcCrQnDS0QPp+zNx4dJ/RGet0Zwu5dz"
    "iXAOzvUdnNxXoYzrGFUqUGdVcVaVB6wq10o1O1plUMmaDLrZUrSu17l+pRTp7kj8POHP9S"
    "/k4zDUZRKHP36+/oL+sLj0H+7O/lC01GTVHNW6iW54MkAYLRqjhPPwpKmi5ZbvCDUuv0AB"
    "SeLHJEEC8kdQXtUTHf/t4+XV8+u/XZ6/fnNSKB95S6bJW6SLU0aUocsfPyAx4TNV9xJqSc"
    "pbJUjZTPNCnS43w2ph0OVm7EcqVJ+dkVS4QPSQ4K0YSlwElnOrOQHw0AVAlshP8i88DNXD"
    "NYh/xQYrhb8ZkUKQHIMK4I0UoqMAeJV7mv7j+Z/ROKUBuUCzCZdSEPio5K9osCj7PZtQf6"
    "IqbzMSouOhqsI4lFIUZtBUSUEgLomEhiGacElDXf7b9g3zEufK1aamPKn3TnA4QsfZLaj8"
    "JNMEScmTjqiv5LmBcrTNpbgYpUmKwxNVCz2CqujejRSpEzwagYOucCx30Z0icAxOYxrheK"
    "5fSHn/Fi48HHE21pKlfhzOiDhFQxUO7sEkMAQBVNU2v1KTxxd5DKRhVWYdiwSppnmFcyW0"
    "Yobk28qr61PTmEuRX8i3C5fF0QW81ETS3u4GbLDsZr+cP/AgRFkLrPq2rU/bFnDNmd4+wX"
    "3ym6jJ1tzDXUD1KF1px26THRdito1z5zDZJcHn3WrUrihRW6vRL7xMEDPUjctAF3jaQUNW"
    "wvQa+nER57Rj67Tjsv9RazvmnVxGugoGNvfyUg81k7jKuIOutrYDKcsuq9MXPD5qNznB2U"
    "F3e1OCx529jT6Pp0gCEM5NJSm418CNl9tTGjyGHVGGJg71RmPPGTts+k4Gzthh1DFP0NjR"
    "K4KzGciA4CXCWZOa+bVmrY2nrQutPtVplY2nBkssRL4A5JlYrI3PYeX05aQa8nFK0DHWSy"
    "kLEE2EjqU5GagAGNh7VcyZDylN2ofgLSZOiakvzVu/m4uxOdC1ev/z2n47YcvLhgth2iK5"
    "e0keeALrcp1j02FcRrnB3IFoHgd6K5/uK+EC4ow6Dy2Axd3xQgKc1Jle5XgooJzXoYPXIZ"
    "0Ga8bllZHO82CdTdoarS2dthW4UGcGq9MwoI1BDQsNWNZ40EFsiAoh1Z5bMkfHUzyPIMZr"
    "sZlZQqKpCvO6R+wEQb0codpD5YjFVuNJXVnb/u0e1tYq5dx0+MAvToezUofz5fg2kc7y9r"
    "3T3867SGXn7VLZeU0qW3xwJvyWQL0jeSuZEvnkZRxPVgFuSxLu66RiQRkE2+SzPW3wp5dz"
    "Y/7LOFeHYt2CQfvY2tKyYJn9MO8spFs0KrlKTVvcMhRHsAeox0cjb0RYnebWeaMO7NH0sb"
    "ktRUnsk4wmo93j6kBHb1PR33svoELtY2s4fpugjuIGiinzBNQKNeW3ijto+/7G6LzDIZWU"
    "xDwytSmXkc6mbJ1Nud7Ncmqh4Xr9vIC6jra6o3ecxLZWV2pbXv4ozcc3Ip12ybE6a8+xOm"
    "vIsYIHXMMBVwK6T8jqTygV6/lYhcv5OZz+zQtbGNunmtA9ktN3bKhSbKqQG9ldJstWDehy"
    "sDslNOSkmSlPdWCPhvzGdKk1NX+n9T9MbUzu+O2a2bhFpFuZbV6ZdV95McGCN3xBq/aaqA"
    "DdavDwajC7n2KQY7h/axjvXUc6vrvyzdPEywryGoo8bfj+cb+VaBhNn44BXGu8l6D9I317"
    "E4xp4Z8qrn9cb94ypTkjccwb8h0eonoB6x/T569fdwlffP26PX4RzlmUVwuT0I/yWliJ2C"
    "2B2nmDwcPx2t5Ut+0Yt31N7uRgCBeR0ToemgQoD3y+QFSeE+hP6OuvhUDCAfp3illCk/nv"
    "v9TDszd2VZcza7Xlx9Wl38tKrL6dOrvte+ksAI/aSsc2mlfQupW9dFypeleqfn9zinzB4D"
    "ML51lXHoihKBt1qz04LhGyZ73eYB5UT2+V1P1TGq4QudXZLvI2RLh3FLZ/nhDIV8zTEgmO"
    "mVB/K4n9AkWU0SiN5AEQhUc0FgmaprE/wQJK7YfzAUooicUA+TiSjcYs2x27LoFv91ZOLH"
    "di+QFOplsWy7OPa438pCLOJYitn59HwfxB14klLsJcKDEcUWuCl68JHqwJhqpPyxVccZAO"
    "mhAsvnKuusuEjq6KfgXmds5dX9sXCY4TsYZSUgK6CAV7VJC65klYsE4PF2Cuf23uX2excx"
    "Y7Z7sx+7Ccxe4p9vpBWOy+ZJ7io1ar3aLFoIPlbuGd7mq9w4nao12VHaMCzXicTAZowmco"
    "hH0x9e7rKsFOFYmGE/KN5vJ/c3RDMh94k61ucxd2ljmrbRXOMrcXy1zxsQw4rsBcOFVrOJ"
    "UrqOIKqvQhMcUVVHEFVQ6cYldQZeMFVWhiVNu0iOnhotYlmaM9laOWyGFRyRrLpobDNR3U"
    "LUZWVaxx/bzlfg7wvMFt2br2lEFuVW/azB6SMxOe4IbPp5XXCsoRWyc2q+SjxEoDZqswJy"
    "wtx5tZMqZLOzYzZWm+lPOMx17kT9ahuwbvH/Mvzzsw//K8lXk45dI/nDPZlsF9mG5F50x+"
    "ir1uuzM52973r7AD41GTL7nUYPDwxsZqL8eObuTLxfbCegdh2C84OUW6PsIF0gsG+g0FVE"
    "RSzGxyGK93CecaPlDXMPSuoVRdgPRuc6UD34HYaql5K6V6+EwS4qWCxGaDuIrrH93bUA9N"
    "y/M8sjDPWiJTQS0qk1w4vpnh3Gk0rxjMVX6zvbzuSCwMg0nqSDeeHx7PTiVspf5wlQGnAz"
    "6hbrZE6XuPYyZpbkv6L54erFL4iG5okvb/eQrjjcfPZc+O6DiNSXCxjOGdcuhphBkid4tU"
    "/QGa0WSCfDyVPyEqA3YolpehXEcA5yEGDTsjb/lmTos8VC3S7YCshZRXXVScV+0azquagu"
    "Nit7coAaqJyoTdBWBb9PZp6OoFQV7vnjTMzu3hrhWY838XWJFLpzdPsUn0ZQPSUQpHxjGf"
    "JRPj8VmFOTILrKwxPhuQjlI4wplPFC3avNMg4K6KDmhAu+ooHQIFAkzDuY6+8qTaYjCQG5"
    "AuLK6N4GxVWofhMtRR3FDhB8Iy16O4CeoobsrmUrYM03DkKsytdHDkcDJhoD6Px0ceI/eJ"
    "Nyc4rvuZGltsJKO2i/573q7/ntf035zDtYLqizg3QzRFLMcE33o3nKWCGFVaqyNdsbX1i6"
    "1x9YRGHVCAOOZdUXt7lRVXSLCfjk1XSPDp9K8LQ2kXyQ4zRt1lJjzFXrc8M+H9/ZTG859I"
    "BL0aHzXFqZRbDFaGqqi2Xpw17hqtwgiK+QwCQNBN6t+SBN2j/BqQYwDbR1AmSJzQRW26ZE"
    "IQTnhEfeSHmEYDJDgi2J/ASQGRJmDqbohW2fLNGqJVvh7pG2Xh8eoeWkf+xQWyHEIgS6n7"
    "undCCeY2WTDsjloEtCn9JZijf236C/NVjf8VhSCKoD6xvzFLoK6PZ8DpEuD4bB6nB5CIsr"
    "vEqo1vEW28ObTbFtqsjqnT+VvZP1xtz66chPuExAyHV5wlWidr0PfKTQYPJ6P7uql5Ojpl"
    "6GdyxaO3aLiQ1oZKl0IhZbewffck5ul4ojQwORY5o6uz09e/okszsFoebdfOSDZg18j3bY"
    "D2Lvlg8/Hx2VdjQnQBsiVZoE8E703htYzmvai7rjSDy612Aq7LrXbdbLEeo+pkfdQpDA06"
    "TPF0B/1FlbTKMiIMfFYagPgIYV0V6wL2VMo1keMhbDMyRLmMeYK48i+NRotT6q+ThjJaIR"
    "klza6rHdyz0YNVKO+UycrOd2WR+GJ3Ka+eSzXmeuem1c1+q0Nue6dt7YThXCbbZPdfHHa4"
    "8SUjBk6+MshlUNQVdGBoLeWiBHS6hXW6RbGTQRpdo4sLMBfebHP/qpIpXt4P3ZWDMu6g8y"
    "R3oBhYoq3/nSdSH50fNWjq+anBKi09VI1o1+pnl0gD5pm2LFAQ4xkaSV1YZzAvtV95YgSZ"
    "W9P0JqRiQgL52w+5IMFbdEfJ7ALNJoSE8iiTa4c3llK7/C3vhhN/0uCH3M2Nv7FjaCMQv5"
    "NKPzgyhWRV3SzHQRU1BRJQiQ2azDhD05j+H3kmkJDPeeK8nrZ/voMVer2rAOZ2b+5H1BNM"
    "ZSYs5+13mN6v5tSjGsXLw3aWjval0JYV7TDQQCsoF2t6sLGmR0rKqI/b5WE7A00DKqYhnq"
    "+1RWsV69RAm9XAvLfW2qa1BnZ9bXVfS/VkvU+6CHR9bH0fr/cxl5Cul63uZVVwD3rMRK6s"
    "oJxroy5WhnSkhrcxt3Wgo7ehOh8UJ5Oib1PV1PbafCWQo7WpCDUP2/cnWlGBugxz1DZQm5"
    "uH1/CFVbFuTbV5TdXG/3Uio4tA18dW93EWxH5jVNK0jOqfUdmlGeyS+sOsouRqZz3FXm+Y"
    "VG2qnZXFLvwgVa6j9tAGdXrwcHhDQTXuln4AzbON1IgUo+WohYJVjJAAspw5wmlAExUIEB"
    "OwkyLaklOwzoW+sW9sGMtjPBrmFbIEkdNnIp7D9ZgkC0Ig3qLhjNDxJBFD1earCkHwaCBv"
    "qI7/gqaYxgIyGuA8KAUoUwoQ1teF631jAqs4BsjsThm+w1R9bPqqv+ZXvZCPiAVnv2sg8a"
    "m6ELn3wxTe5lgk3L9FPE0Gave5E3k1peCp/RnUxb4xHbzxTEdvCEgpx6pkGDAkkfAXwaEO"
    "pkA3ZMRjIoGSBM6IvB7cNVDr9fAie0kI9JB3Qb99Y/Bl8hBDR3qF90DHKkZDt55S+YwjEo"
    "YISMhulExwgmaSEvkIJxAtUriQeoXC1U6hc4icekTi3ZL5oof8kBKWyDf7EJBoyhPC/Pnz"
    "/yLzC6RnKlUVLUsxgf7ORqYqdwZvncRzOS4g6ERTk8zoqrJn+cDWkR+l9NTC09UySVYCIf"
    "NkgL42Hyzj8iQVF71iXfRKuaO690IZ1yfXtKup9pToL05/BqpgBdbDWK6zF92iCVaFE9Ti"
    "CfZpoLSO7g1bKLUMaDaLLDF9onTHU0gmVteZb9/AogB51AYWtnXACi63soNFQdI2ob8Cc1"
    "3wiC5YKm2mrjzfFdFcMZ07F+lWaF3aBEzEvTKqh9Leyy4hzy/bQ55f1kKec0OQmUBSRPVp"
    "WtixSKJpNE3XL6N6OMo3nFau+TLN/ymjesjy5t2IYOX1FG8Ns8mqzcrKwB1uWLYfAW+TO5"
    "eF3ESgy5s7kaMpKssw7+eRKT89p1OqDVPJialkUYL1iNcdSxYuk21rmWyw97RHWLKGN6aO"
    "7RPFexGe1+uIOtZNNev2Q4AbdHSIH2rLamhSzktBQwf4CaxgEYJ+XLzdUwlftSvU6q901L"
    "hnRfH0oEuo1Vi27FxNBiqnAADNMFWbAkJBF/moKQ7RKA1HNIzk1Ktru5AL1fw3JCZ0OlVl"
    "XeRD0DsSQ2UXiMHJwmvG8pgKyjmqjKOt3/Abk30uh4VAx0DjAE3lRyf/yY6eoNmEhiTb+X"
    "AoLz7MroPjW5LAJonyTgLOq5AxH8cxzeKFgMpbFTymgr86Vpj5qpLjFREuZMfakB2VoGna"
    "BQXQZkTDJ9MRLlbKmg6wOVaq/8PfeXT2SL6rMrZF/8JC6unK7gKwy9JXOvatzG9+0M7yQZ"
    "kgW2e2PTSnAHlUWI5lFpRdR+VkuoDJmC5A+pfauPn4hlzDkkq6CcsVWP+Y3sLsrPXpNYxa"
    "ZaRLybbNplUOzMpsJWv0cxXretrmnnZG6t52s11G6h85D/+ZZY2026qLrQZdTNbFbJSupm"
    "uGaBSl6lJIMDwVE57ovcOyqz4TKuP2Ag2VwiyG6E/o66+QnatNwxCVN8iKlw9QFsyQkGga"
    "ytENWbx16/X27wlJtCLxRoQNVCXzPJV4UMyJHUAua7anmxfSiMrTugKZ+gPGjLJYQ84xpO"
    "YKkoCpvWsya54W5HZBs8hu4fJNLeuQQpFv4+w7l3j3QHyfmjxNjBxLhEs9emzqkUuR2Xgi"
    "qSrcYWLUWCKcudmgKparPuaqj9k3VTtF01zRVBkmK1TMPAOlg3K5EA261Z7SJYmUVge63K"
    "lS2i4ypQ0dD/WPodTIYhLQBOpITWKejidK4QpJMCaxLmIE2p0E1NW8YV233NmdvzEqRFrA"
    "SgZPBYnvqE/EqUYIuIqK0oJraH1U3lbHZ8n7oJs5mkgV8+QUDQt66fBC65zqNXBW20oyHQ"
    "oEgwPqbR2Te9kB4RzqSeX7c0NhJnjfAUqZUmDlDVQtK3n5a1XTCsaI1KQXp9+qAlf5YSav"
    "dfGNDatK8RDNKMuqb1GRPVahChQUexqgYUFzXiJoolpey7ccTzCV6vVc7UgmX8btLWa/cn"
    "ao2nJf+8NFXexEPHO7iW8tMdllHG4h47AgmJjNxs34HjG9jxxEKeQZDPAipEfEb2yI00gq"
    "OF4aN+wW1D4hl0D9M0hsZY/NXebVr7XmbWF/7Y2NUu1dNKBvCXAE6mlwof42LGGrKmlUkD"
    "sspbE4UuS02SKyCfPXJmtogDlAat0JbphW2z/5MsqtVm3EhmRkNJWWQI7WBkdmxSRlokA0"
    "QB3FTTntC/OdAbsVlCO2Tqy2zhouakvQDtez3GpWJHVhSbN4NXPetPbBfJi7uri9fJ5irz"
    "f4VC3cy0e5TH/A86MHvKo/6KovHR2rXoDnHZ2rP2e+Nb50dTL1R8nLdrxwIT4TZefcyQDJ"
    "oSK0+xFDQGxA4do4ROlUkLhhC6Dd3LIxpraYpQuFdFw0rUWWz3b/oEvJdvWprA0kaqhPNT"
    "MKPJ65oOOSvmPXCq2CXS6Df6UigSJIKxbqastO67U21+AFqnORqLw6klwd9R5zPqyeeaQS"
    "TH3ZFns0EdkmdXpN1bvrQZ+F0Hi4NBgNT+qL9TZv5OJ1rF4CDnE97mtflBKIE2xiVMvbu/"
    "Wl1cRumlxRQTlmXXpFA6FlL3unfebOV+wzd17fZ45PgRBuVP+kiOkhzy69wg6tyHJToFXp"
    "FR+VR/GoQbPIzqzUJLQ/srPeAF2YRhBkf0vm2oYWUUafT2M+jnGE5PzAaHCK3uEQM58IhG"
    "PY2JrxOMKhsrqNYh4VkhsGSMiHBjmfCfA0cdakRezqtk6nsFqObdcp9AAwXMlYYx+suY7t"
    "txO2vIrJt+SG/BYgW4p67BPBqqi1Cb0LQP9CSrewzR6QpbfSjI3SiWvA/rG94awKRv1b44"
    "SgAqZ/BG9+sqDsjiYwLAMjmiuw3i17Z286EH1W1RIKpVnfNBMN1QSMzZU1aI/i0XZss7zR"
    "Qr2Bha2AcCHtah0jLID7daewgHAUwpFxzGdymunO4BLgCIQjCYW4Z3JHTOL8yyBHJBzxJw"
    "SqI3vyHgTfGpBZBzpC4UiIReLl5BgGrDRhHxm9Ytmibxa84uzd7cP2MENhXQD0U+x1ywOg"
    "P6fJDb//SITAajGo+T7KDQarXCBcNfUi3babK6S9+7tuIJeqGzFyn8ixD1UP4F+3nZyl/g"
    "VXhmUZi9DFnnXebs86r9mzAhKkU+LdEiPbbBnVP2vWeRfLrGzVbs86r1ln97Y3nGUy7Z72"
    "hsPzkOMG7lcUQV5CXBXkR1RBXq64XaeXJWKH25cVrG5l1osnLN3GTAsxJgW1ihBniYAjVX"
    "GwxuVqZaoB3kON6nA1qLrirMxHJI7NojDLqP65TLdSVMpZpp7EF+VMUb3tZktsTz/ieVsu"
    "X35qsMreNNWNOsfcitT3iRCjNEQZFB1/+eny0/Xl1ZcPnz+dXv/j6ur99fXJQCoD7BbKgH"
    "OE84rYN3NdwBvP5R9ZmOxRZbRs6x5dTGEl1TIvgu4sYftWWtstYYWQ6UY7wspdXSvI3hlt"
    "Nh+6yNPEk7cLiOEWulXctpTYPgXhRv7EbEQvAD00825+KMsV0YzeBcDR22Wm2HsKhE2zw1"
    "Mzn/dVECkJHnI1U7yZCR0F1A5NuXUb7ubG9sYDnVUhXcNq8SWMS2Jv9vfIz34dbhuQjuGm"
    "UMg0jgnzzbYILGB2OB9cffqf+pSQH7QwkSezCHi5rcvEklbFOluadba0iusO+w2h7Ssk8w"
    "XCOR86OR/2FfxuG9MbLxMzSuWbBIbLaxXmnM9HF2Xrq+GEX4FuYL63bOD2abp3jtAn0c3O"
    "EdrbbrbLEfqTWk2P2t2hWYNBB6eop5fmdXyjGomOf3r/l398+qHgsZSMC3oTzmULn8cBlA"
    "8iIx4TVXI0u+8DPtHHX9tVFrLazNju79Rdb+jqLIF65+XcvOcNvJUZZ+ZuzhLQkf0g2fZ5"
    "8G1yHD09F/4ebS2bH9zZZLCOPcBZ2o8e8mWsxW4T1HHc5OF0XjjnhTtAhi1zFTnT4dZsSt"
    "MQM0aa9NFVO0gWUG5L5A6bSE45ZUaJdEuAcxLtv3JXz+nE02lI17Irl5Fuprd5pndOot52"
    "sy3eA1i03qX+LWlOpSqcHqz0HEBD70a17Og3eI9jKY8gvWzq7ceSCaEx4jOGyP2UxvO3SE"
    "DOvUBBjGdIcM6ISJ6rc3JsoBGNRXKKhgG5SYZowuULIz/Es+fAjUA3JOQz9KLuVdjpnY3z"
    "r6DmATmSbb5mP+UxdWMiVEpW6URMpMQnyOIEgRrZcCGXuWWnJ2Nv0eu2TeD7iV9ffB9G7B"
    "dRPZJGd8z9YtLqantfAHpodN9woDBlNKHYJK6xgOjTfLLBqMZIXtusXncJ41htmn+VICP1"
    "kgi28zCgtg508aJLXsQaKmIZ6QwBtmmI5cloIeYb9nIZ6XrZ5l7WX6QXp0Z7rpZR/UsFed"
    "WlSt6r9ip5r2pV8pxZrbefk01mtfdqv7I2q9r7fDezh4xqoHzSjhWxjz5EUarw2RabUCmI"
    "nKIhDUgEVXqHiAqkBxuaytParnChSgdxRhC0m/IEUjPlOX+CGRURGvE4s5bVjWk7uWODEa"
    "1iNctvpw1f7dY1MI0pCxpPYz8zsxW+amc2c2Yzqyfo/ZhusO8362srslOXkB0meOM7TPUV"
    "avyXT1lav9dULd6HOnxA5ga3Y8AWByu5I2ZTwgLQQyWliz33VbtB91W99IMWUAzoXSL6x+"
    "8fu1Tb+WN7tZ0/1qrtxGlIjOWJAsj5gdYVJhaiusHYLmL6ODlvo1BatgGrh0cJaahs3jrI"
    "azgnWlgQ0Ng7zwVYMhrWt/ZtWBaAR23CYtkUvIKyrezB4myf63SFs30a2j7FuzQYr4gpzM"
    "8PHrR/Cu9GNe1ajYCxFId5bJ+GomOMIFIP+YSGcgScnCK424WqKCCInDtGIR43VB943LVc"
    "tQGrBdJ2Y+OcYBN5KW++mWXdBv43tsbrb8Zry6VZNaRr0D5JoTvWuOSkzjzJEuXezdRgZN"
    "dwu+uD71+8qAmv+TE7xjZM+yYqbN5+h9ZwvSbVTeGF45bEMloiu1xD0P9lGHIfZ5TUxJdq"
    "k5USjEoi8PCidUch5ucJ9Scoy6ZAWOcioCAmMzSKeTRAAjZ+ickdiQWGwkgi4fJ/iNzLy4"
    "awEQyXokiOP+YxHVMmG+rchpO6pLOLGzpxyOrVol0c2lPMfIcpr699URSg4JMyJr8Ec4LT"
    "+n5v5499tMxky9Ke4NHoH0ItPPVFfXFy9XIOzTwpOsUdF/JrWCbROKXy+ABFOJZfpQQjLF"
    "dXHESUiQsIgGIJTahcTiHq6WdyxSOk7qSaQZwU9AoPSX3d3sL13TJt9dzUvkyrfw30kbx9"
    "D91pW6hoxkMjcvP2PSR38xvfzIjPIzWtmlVCrOI2EvbQ66qTUDbyrmEgr6wctATtsHBQzn"
    "qR5EVPWFw2SCnGxvJ6EeX2JltTWE/4LWHCu8MhDdqCHla7OJuv4JKmbPN0Ood2t89QvmDw"
    "mYXzbAQeSLdnH4ut/m2lcx01KpFwYrBagQSzaUdPNppO5oL6OEQKdpHpeaq6DBvD5t+ckb"
    "coweJWyP/H4J3O7LKg2MVkDBbntwgvdhOHBxaqKr5q11Rvfyf3dDqm1Utqu47pG/q8/I36"
    "vCwSzTdfoNyp71stSD7OfHWdFfgFwlXXf3jwOr1y23qlE3OdmLtTMfcLbXaVqOMrhVzYMb"
    "OjjPtR5eeKCZ0itcWmFCCxP4ENnOZIx8sjqYynBB0ziD1QcQnJyVtEcMyyyo0gWUZyPFEo"
    "axvXRdrt3MJJsAcqwZpu//q4nV+t7IGNRcA5kXWLIpWem7xkIlcTKDBrMGaboC4coSmEcz"
    "Gpm8XF1nC7Y/fsRUNg7OLgk4/yAOlETkBs3GihK5x9UILxfNWwmyDTTrUTFA5UULC54kxf"
    "e2PJPkQde6ayWhnkVrxGH6kxq0WI47SxUjAWpsbFHOFE4Q6isLN9tVJ/ILYu23OWfybyY0"
    "1+xPNPPKEj2p7909xwpTA5g6KGyRTP5YsvMV03Sbkj8RzJ/0kgCVDxCgPEma9rKhYPIxqg"
    "Y6icnwpISvYJvSPBAE1jDlv8wU86ZjwmQUMa0Nbv5qRhq+WvFcHFhT433K+6Ado7d/DmPZ"
    "aqVppmyIDrMqqHwsXmi0HLBUzVTTPmugbcYWLvUY1sqxkemfE6WptNy8Jgtx7V0FYksL2I"
    "UhHj6iitX0dJyzwm43qJ2GkFAC2S1SeM0pnN1LDrkhfSrved1fQ+KUpTEEaJyTa8ZdAODf"
    "NVhs8eLfNtzEIRYpF4JI55Q0R8+4Ato/pXU/T89esOI1a2ah2y6pyzVTwRW0Vpd/BcwV2j"
    "o6tYl19iW09bY5XyefReFc1uNEUtzg4esD/xyFOaYefMg9wENEAB8eP5VA485OMwhPcagJ"
    "2HxwGEUJER5J/TBPb4kKckh2oTkEAlAyzGOYRaYTTj8W1TgNZW7/aNfWNDrRXne5EE8m5S"
    "7lGFbfLs9wQyFY5VuwHSjl8E43agGtAAEhjkI8UgVgzQlZqpv8hP8+RC59M/E99YTNQ+Le"
    "phgnQagslD/im/+5AGsNeJvIZ8QyldUyYFbd0hSAedBfwUXWdWNCi9A3sMP/9z/k7ZXwFs"
    "l/LbN5ZZ1NBxyoADhrLnviXTRKX468z/E6hFiGkILcf4jqB0ilROG8oIgcUQJwmJpokYdr"
    "XPfS3IsYzcJ/kV3OYp9hrvFuPf3JS00ZLbFhnszt502g7hzYr9EN7se0ME2+S7be+IoOdl"
    "YztdBeao7kD1FM9Djhsm7XbDUgHyKLuSbVQ7w1KjYSmTUup2peIJO81KucxjYFQqQlz1fj"
    "hSlf1qXK7WgRvgzuJhnR7sbIgPzU5bsSHmpvm1tnsuQd03ZfU35ayIfe5pS6yIlySm/uSo"
    "wYKYnRmssh7iZRtrkiCeitnokcJau0EIyngb1kMoQHqoQW9lGYePyoDhrHkP2T170W3v0V"
    "Wbj9aMbZnV3sREUYA4E4WhiWKvi9nv/w96KrD2"
)
