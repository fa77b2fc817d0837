from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "lotteries" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "name" VARCHAR(64) NOT NULL,
    "description" VARCHAR(255),
    "view" VARCHAR(12) NOT NULL DEFAULT 'wheel',
    "cost_points" INT NOT NULL,
    "status" VARCHAR(10) NOT NULL DEFAULT 'draft',
    "display_from" TIMESTAMP,
    "display_until" TIMESTAMP,
    "draw_from" TIMESTAMP,
    "draw_until" TIMESTAMP,
    "daily_draws" INT,
    "lifetime_draws" INT,
    "pity_after" INT,
    "pool_version" INT,
    "published_at" TIMESTAMP,
    "closed_at" TIMESTAMP,
    "created_by" VARCHAR(64),
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL
) /* A lottery members draw for points. status: draft | published | closed; view: wheel | nine_grid | scratch */;
        CREATE TABLE IF NOT EXISTS "lottery_draws" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "lottery_id" BIGINT NOT NULL,
    "member_id" BIGINT NOT NULL,
    "request_key" VARCHAR(100) NOT NULL,
    "pool_version" INT NOT NULL,
    "random" BIGINT NOT NULL,
    "weights" JSON NOT NULL,
    "unavailable" JSON NOT NULL,
    "pity_count" INT NOT NULL,
    "pity_after" INT,
    "decided_by" VARCHAR(32) NOT NULL,
    "prize_id" BIGINT NOT NULL,
    "prize_kind" VARCHAR(8) NOT NULL,
    "prize_name" VARCHAR(64) NOT NULL,
    "real_prize" INT NOT NULL,
    "slot" INT,
    "points" INT,
    "coupon_id" BIGINT,
    "cost_points" INT NOT NULL,
    "spend_entry_id" BIGINT NOT NULL,
    "prize_entry_id" BIGINT,
    "day" DATE NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    CONSTRAINT "uid_lottery_dra_lottery_292b50" UNIQUE ("lottery_id", "member_id", "request_key")
) /* One draw, with everything needed to audit and replay it. */;
CREATE INDEX IF NOT EXISTS "idx_lottery_dra_lottery_5c447b" ON "lottery_draws" ("lottery_id", "member_id", "id");
CREATE INDEX IF NOT EXISTS "idx_lottery_dra_member__68d79c" ON "lottery_draws" ("member_id", "id");
CREATE INDEX IF NOT EXISTS "idx_lottery_dra_lottery_3603d1" ON "lottery_draws" ("lottery_id", "id");
        CREATE TABLE IF NOT EXISTS "lottery_gifts" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "draw_id" BIGINT NOT NULL UNIQUE,
    "lottery_id" BIGINT NOT NULL,
    "member_id" BIGINT NOT NULL,
    "prize_id" BIGINT NOT NULL,
    "name" VARCHAR(64) NOT NULL,
    "state" VARCHAR(10) NOT NULL DEFAULT 'won',
    "address" JSON,
    "carrier" VARCHAR(32),
    "tracking_no" VARCHAR(64),
    "shipped_at" TIMESTAMP,
    "delivered_at" TIMESTAMP,
    "created_at" TIMESTAMP NOT NULL
) /* A won gift waiting for manual fulfilment. state: won | shipped | delivered; the member gives the */;
CREATE INDEX IF NOT EXISTS "idx_lottery_gif_member__8b594a" ON "lottery_gifts" ("member_id");
CREATE INDEX IF NOT EXISTS "idx_lottery_gif_state_aedca1" ON "lottery_gifts" ("state", "id");
        CREATE TABLE IF NOT EXISTS "lottery_pool_versions" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "lottery_id" BIGINT NOT NULL,
    "version" INT NOT NULL,
    "prizes" JSON NOT NULL,
    "pity_after" INT,
    "reason" VARCHAR(64) NOT NULL,
    "created_by" VARCHAR(64),
    "created_at" TIMESTAMP NOT NULL,
    CONSTRAINT "uid_lottery_poo_lottery_7be270" UNIQUE ("lottery_id", "version")
) /* An immutable snapshot of a lottery's pool: `prizes` = [{id, name, kind, points, coupon_template_id, */;
        CREATE TABLE IF NOT EXISTS "lottery_prizes" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "lottery_id" BIGINT NOT NULL,
    "name" VARCHAR(64) NOT NULL,
    "kind" VARCHAR(8) NOT NULL,
    "points" INT,
    "coupon_template_id" BIGINT,
    "cost_fen" INT,
    "image_url" VARCHAR(255),
    "slot" INT NOT NULL DEFAULT 0,
    "weight" INT NOT NULL DEFAULT 0,
    "consolation" INT NOT NULL DEFAULT 0,
    "stock_total" INT,
    "stock_left" INT,
    "per_member_limit" INT,
    "daily_limit" INT,
    "active" INT NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL
) /* One prize of a pool. kind: points (`points`, credited through the ledger) | coupon (`coupon_template_id`, */;
CREATE INDEX IF NOT EXISTS "idx_lottery_pri_lottery_2c8ba1" ON "lottery_prizes" ("lottery_id");
        CREATE TABLE IF NOT EXISTS "lottery_prize_days" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "prize_id" BIGINT NOT NULL,
    "day" DATE NOT NULL,
    "won" INT NOT NULL,
    CONSTRAINT "uid_lottery_pri_prize_i_3d263a" UNIQUE ("prize_id", "day")
) /* Wins of one prize on one Shanghai day (the prize's `daily_limit`), raised by a conditional upsert. */;
        CREATE TABLE IF NOT EXISTS "lottery_stock_adjustments" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "prize_id" BIGINT NOT NULL,
    "delta" INT NOT NULL,
    "stock_after" INT NOT NULL,
    "reason" VARCHAR(200) NOT NULL,
    "operator" VARCHAR(64) NOT NULL,
    "created_at" TIMESTAMP NOT NULL
) /* A marketer's stock change of a prize, with its reason (the audit trail of `stock_left`). */;
CREATE INDEX IF NOT EXISTS "idx_lottery_sto_prize_i_df4c60" ON "lottery_stock_adjustments" ("prize_id");"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "lottery_pool_versions";
        DROP TABLE IF EXISTS "lottery_draws";
        DROP TABLE IF EXISTS "lotteries";
        DROP TABLE IF EXISTS "lottery_gifts";
        DROP TABLE IF EXISTS "lottery_stock_adjustments";
        DROP TABLE IF EXISTS "lottery_prizes";
        DROP TABLE IF EXISTS "lottery_prize_days";"""


MODELS_STATE = (
    "eJztfW132za27l/B0pfI6ypO4iZtx5npWkmaM5Nzm6S3SU/PnHoWBZGQhJoEWIK0rNPOf7"
    "/YAEnxVSYUSaZo9EMjk9gA+QAE9vv+YxRwj/ji/JX3WyLigLD4J/J7QkQ8ukR/jBgOiPzR"
    "3miCRjgMN03gQoxnvqLCeXMn0u3VfTwTcYRdGGGOfUHkJY8IN6JhTDkDwlcowCzBPtr0gP"
    "CM3xCE5Z3omsQkeiSQTwMaiwlaYRpTtkBzHiHMJFFAmbztEZcK2eM5DOpxV44qWx2g/yt2"
    "xUSMY3KJQsI8aPonkrBEskdP/ozIb8SNiXeOXqmL0EDe9ikRiMYoXkY8WSzlvwT5xFuQCC"
    "XMk/+HC9dkfcWmasjH+mkv/0o9EoQ8JsxdO/L+d1M0hqablxGPEF8xBLMnQuySswmiTHUn"
    "5CUk0WdCToB8doQFXE+fH7lLzBZyQgSHB6MifUwPkVvZ3l8jzlyCVkvZ9iZ9QJYEM/mTz5"
    "ErbyZRpMBU7yknV2GfMCpn34n5gkiKSM7Ar7+OAgJ0DvWgReWNRv/6F1yUINwSoZur59NN"
    "9d3w2plT4nuldap7U9edeB2qa6/p4h2L/0O1hYUwc1zuJwHbtA/X8ZKznIAyta4XhJFIDg"
    "ojxFECy5Qlvp8u7mzl6nfbNNEPXaDxyBwnPix2oNYPsLk2cpwPHz87n95+dpxR7UPIKApr"
    "N70ksYaPSD6qUAAs4BEe/+Xi4quvvrl4+tXX3754/s03L759+q1sq563fuubf+uH2aClu1"
    "KYvfv7uw+f4YG4/FL11wwX/q1ocIw1lZqbwi5RnNLuk1Aiu3suMuS3TUZ2YTMbm51mYNOx"
    "gR8HPNFwlbFvBX5DMCTUL549/+b5t199/TwHO7+yDeM6nhHBQj5BDc83Sxw1A7qhqAAqH/"
    "MUAQ3wreMTtoiXgOLTp1vg+69XP735x6ufxrLVWXmhfkhvXeh7ZYyrG78B2A2kA0T9WSfU"
    "n21B/VkddXIb0ogIBzfsFt9LpGIakGbQy5QVvL2U9Dz70QH99JTsC/hbsP787v3bT59fvf"
    "8Rug+E+N1XcL36/BbuXKir68rV8deVack7Qb+8+/wPBH+i//n44a1Ck4t4EakRN+0+/88I"
    "ngknMXcYXznYK2KSXc4ulWY5Z5m6flE5wfG+o1HKMI9q81m8sZ8PqdN3tOUzqn5FqUxDPG"
    "dmtHFV6Qa4az3vAvbzdrCf18AGYcszhrpMtRPQPdugjoEzCLVyVzHbPGqEw0P7IBxQtkTN"
    "z+IypT2L+3wWExZHa2PJuEi1k4jWsxm9H7nYlWJZvNMXVqbcwxfWt1P71D8xUATOrwvKKL"
    "gww+71CkeeU7vDL3hb2/qt4CKoXsEML9QkAZrwnJleHLp4A8oUpd2s682L9ydbVebqYVzd"
    "tKO2/EcSIa1DQ7coSnwi/wlJRLmHxo+8y3/K/x6/f//4++8foU+g311iijy8niAeoUc+nZ"
    "NHZygRGPS+oOF2cSjqKvNDDXK3bhgGy/ZANWBNO2zVwVYd3Odd9n6OvcJ30x384sdmod8V"
    "+nSfqiHfLj1tKAaoDXj2dRfVS5V3KKhevq4KTa6hpcM9vqHjaRXap1+8ivdm2Qi56rk7fh"
    "uChwtgT3jNNzgIMV2wJj4zv7eVx3TTVh3Zy/ea65PMHHqSsYABZ/ESBXJeKPgHRAKNZ1hQ"
    "gfRCkZ/8i6dPn6K/oWfnL27PztHHGxL5kuW7VC4DS7pYEhGjFWUNnOYRxmtgOi1L2Z+DtJ"
    "2lVP8aHKtZ+wEeql8/73Cofv289VCFW+VTYfN5ObPQ4HCo0Q2Jc9yjN4F2jnKNFnCZaoDL"
    "+NlFF97wop03vKguYxHjKN7Ftl0itOr0vun6yup0byfvhQ2Znd8+z69k/hw+dxTbZ3ASVc"
    "kGZDPZ2zlkiqkFcwuYK0Ku5aIzgLNAYQGtA0puSKNm4j8/ffzQsqfnFNUtnbox+hP5VJwg"
    "rltAAyhK+3jGDI3fv/rvKp/05oePr6sbNHTwuoJ7DNy7L7H0jcCvkNkZ2H0GIB7jpkE2eM"
    "25TzBr8eDOiSrQzyTVoWSDTO1QBD1XRewb69cfP/5Qwvr1u4rW4MPP71+/lTKCAl42onGL"
    "Vt76AbRv4/IFvY/MX6dTeSK8ZLrq+uoW8GZJ3GvarKlNb022Kmp1o2562va5vtvEDgyJNa"
    "qfhAbUGtXv1bLbyOzD4dEqkN51Ypwg9FtQhB2/po+Th8u1gYi0IRjSQt2fAI+vSdKgn9/K"
    "KG6Ijsgo5leKqJqeXpZV7NdyPhHWsO8uo294EMgpjdfvwNNTB+M3MopN7bZzjRmFQzckHW"
    "39HxlBBSoUkZBHcmmi2RphJHgSuZJKL0Vw/0Tj7FpE5mfnCCLIEnGJlBuryn3gygdVPxiX"
    "ff85qqyxw494xbKcDGM3ETEPZB+Mx5DpQfsWrEl8JlvryEYPjeFmRBZUyIeSf69ovEyTJ6"
    "zkJ8dXZ+1+q/rRMr9VMrdMdZ+4uHamujRv3SehRDYkXuXYnqryS6kBv80mPm8AfBjG8G87"
    "WcO/3WIO/7ZqD7+Wr2YCb9Z+gPh+1cXZ4Kt2Z4Ovas4G5FaeEgz7TiJI1LR/tOPcQHqgkM"
    "mjbuiHdlK6L/1Hz2C+l416EfEkbMS+fZkXaYYXErz/Ba4ZWhOENxQD3LL37x8m5Ud43hrA"
    "7VbODYU1cO5u4OSucmXcRalSIbVaFatVuUOr8kmJZqNtCpW0yaSbLkXLep3zV0qW7oZEj2"
    "P+WP9CLvZ9nSZx+uPHT5/Rk7zrJzfPnhQ1NWk2R3VuohmPJwijvDGKOffPmjJaHnhEyHH5"
    "GRJIEjciMRIQP4KyrJ5o/I/3r948/vSPVxcvvj4rpI+8JmH8EunklAFl6NWP75BY8pXKew"
    "m5JOVQMVI60yxRp43N6DUzaGMz7ocrVJ+dEVeYUwwQ4IMoSqwHljWrWQbw1BlAFstP8j+4"
    "76uHa2D/ig22Mn8rIpkguQYVgTNXFB0ZwDeZpemvj79Di4R65BKtllxyQWCjkr+CSZ72e7"
    "Wk7lJl3mbER+OpysI4lVwUZtBUcUHALomY+j5acglDnf879IBZinNlalNbnpR7l9ifo3E6"
    "BJWfZBIjyXnSOXUVPzdRhra1ZBeDJE6wf6ZyoQeQFd2ZSZY6xvM5GOgK1zIT3TkCw2AY0Q"
    "BHa/1CyvqXm/BwwNlCc5b6cTgj4hxNlTu4A5vAFBhQldv8jdo8PstrwA2rNOtYxEg1zTKc"
    "K6YVMyTfVvaub4URlyy/kG/nb5KjC3ippYS93QzYoNlNf1l74Emwsj3Q6vftfDo0g2uO9O"
    "EBHpLdRG225hbuAtWAwpWObDY5ciLmvmFuDSbHBPiiW47aLSlqazn6hZMyYoaycZnQOp52"
    "kJAVM72DfFyks9Jx76Tjsv1RSzvmk1ymtBkM+jzLGznUjOMq0510trUjcFn90jp9xotRu8"
    "oJ7k6665tivOhsbXR5FCJJgHCmKknAvAZmvEyf0mAx7EhlqOJQb7RwrLKjT9/JxCo7jCbm"
    "ASo7BgVwugMZALyhsNqkZnx7dNZKFulVFFP9oI3nbaHF1jPX1W0drBsbhEmlFGBRwAwRj2"
    "qLB2VI+DxGU+rdTtEYcpIuCfZ8CuYMLlSrM2UtQTQWKPTBCuOhaSTl6GntkD7UQFdsnDf+"
    "E80isPz8mSZTdZRBBTx//kQcTvyzczRNccpsKsUquf/4/P6HdJxATlkasyUQ9iGpxBrMO6"
    "uIxpIcxVwR8/mcuhTK77oqMbPs5OeffhAvYZgb8NKGfuTXqEaT75yEPsdgZFK30Vi9D4nk"
    "EgErTSAhwbK1bHzFoHsvwnPoM14mwczJbm8J20oxzWvR3lrW5URYl9LEGQhZJTobubWzZh"
    "u+lRryWxb/7dDw3l96WO6bJYZN2w+QHdx/uYCYxmbo5gQDhHf/3DZOJEiRCb4biiOWGh2d"
    "6Or16IIII9/PDcXw4D2E52fK3dYh/kxuWyuK5CSD2CO26d7f/vfnktq9Fg2Uq95/+Pjh71"
    "nzaohQFfIip2/GvtVph8RSHNs5QScxSCLfZIcpUw1vl3l60eWUhGZbCkZf1E5KRojn8JAw"
    "B+JrGrecrRb1Rvr7Nqwffgfao4GdM3/tzDETjot3nYXWPuxM3DET/dIhvtVqgFG7DjFrMe"
    "miQ0y1CgY6xJQCja+Sr795Nj+7REkISrJvM6WfQGEy86lYEg8cnNEKr9F4Cs8wvcxuob9p"
    "jdcT7Hno/6B5REh654lIZgGNXzaqFY809hULsBCVdgERUAr0Cdx6IgjzsO/D2ESe62sYi0"
    "doqjXy0wlyfSrhDcSCenIEHigdIij0ik7pqnv0+DskXPnAiS8fWv6RPgxkf9r8pZJDzTH1"
    "wetb1SJlLvHlX+cIfOEXZIoi4vLIE2jJV7JlpN3IM/IILXgMeaKU8lQNrLrUbxzDYPkfxD"
    "tTjuWyxzhaI4gkly+PqHxugj3Q6aqqI0ADTI2Ea8okz+lgSRqE8K9Sgq6WRKegCihLYoJ+"
    "4zPkc34tIHySxgho0NhLCALPgQmSexesOfha+HwOLxly329VgVa0nb8WPOQqTzOSTeXtDG"
    "N1xSpHe6kcBY2/MWtdILJZUnbkqK226bAZgOQJZIJu1n6A4HZRhbQrQmpqkDar+bYNo9Vu"
    "buMDuovgJ+HBPlKcTl3+3lzuZ74fxdIZgrs48o4xAmayDm1+tafIFtnAGsB3FNur0Fpv5j"
    "57M1elAMPJbiC3893n+U7nyqREeJHkpN3W95eoP/U8MmJWCzTDC/47iPEuVcsYAl2msolX"
    "7xa7hLlwsKGxyoQdZQOAUKl4dsG+QGils11nIFWHG+4vZSq7lXfLwJWClkRmZSirdDZN6+"
    "5pWle3jrk+okQ0vMW+/7zxMY+x7yjvdwMeu0I1oD19b0z3nPoxiYyRrZJZaBvUlGDkNgW2"
    "TGRhbSh5HUXcfMFWqCywjcC6jbaibaC6zdYiC6i8AlnzHLXwTHiDMtXwmIOLFy+6ZNx58a"
    "I95Q7ca1Rq7KRar9JaVWufVa1ZZttZU3albU7QJboBbVdHFu9tTuIH8ZklobfjNJcp7TT3"
    "bpr75VT8DsJSRu0uxfr+pItDsYpw6ZoEiKXh93mwfJbuuSni/hJNwySS4EOWZKbSAIyV6e"
    "mJJqeBcpidrm5BpzadoASyIFPlCF3OInSUYa9YlgQBkg2cKaddnQogkJ9ZJEcAx2In+0P5"
    "+ub5AaaZTW0KiQw2gSvKsRYcfMv5DK6YSmgQYPDWncsxYlXMZDwjgkrM0fQ3OifssXrry7"
    "9S77upyput6sPeQh4DSLdA/HlXZ1vrPdtP71m9Ts1MijmJ9TWsiDg1Vf+cyp4NK8YUaQaI"
    "8EFMKvcW3tcz4+1Rwvv0uWVoODl6DOXJw2wda44TFW8lYysyHUNk+sDjvGbMqF1yKjXrJE"
    "CxAkVHOeoTD4gq74JwLhSgIBExEkRKK5sMbGkE4SX6PeExhpKJG5FDabuhtKF2iUTkdoll"
    "F8Q7mygvBOLVBKkjjXvFZms0/fvbz+iJqsgIpSBLKE1fqmBPqLUzhkrwE4hk/I248Zb8aV"
    "nF+LSlzZ52GiJONm1dj9Cs/QA5lf07eGTfggnTvSEZIMT790i9x+x/fWMG78c1VUfxm3Hh"
    "OckAl/iLTiFWL7bEWL2oB1lZLnywXHi5KgjerSQItmb+vs5vv6SsH328TbpStztJVZAjon"
    "NpikASLR8J5OIgxHTBVCJqXW9eCjaevEOD0CeQQUkJIEgNh7BQYgjXoscllKjg2NdppqWA"
    "RLBIIvVcVTnq4CNeSbJISj9oPIUGjhTbIupOkTJwkUKGGp1NG0lZbUGis4m+Jh9lguRHuy"
    "nAKjbmIxwFj5MQPUFzLiU6Hz25Yq7PBQiFUh6j3BNyUGiVhA5nU/TXv6Gpbpr/mbbP/ybM"
    "E/DHBL0SFD/5BCVMl5giD6/F2Tl6F6NFxJNQXLEse5Ecopz86DzNCTLN3kG/lzz0KCMSzY"
    "AEMxI9lj3mkEMn2W9JKaZn6iUhbzdfMVXwFbaUSL7yDYHG2QVHXZiCmCL7U/Vj5arCiUcJ"
    "c+UHZY1qJ8AhtkucpgafARt79i8OwW5kAm7WfoDgHsQls7Dbm8JcIBsi2l2W8hYTT93Aoz"
    "DTx6zZdl0htGlhdxbuw5QdLGPfng85az+AVLDbxI5DpEJW7KCTsYN10NvjHuuUXxT5uNs0"
    "/HWeMFcx0rOE+jFl4hzG++4epucwAZEZw90sm7fY9YtE2yTzE9yQtkwAiNpVR59MQDGBr0"
    "T0oOHbCHQm+JWpHjSAqQRsgl6B5EFDVxThTY6lKp09lPZ+KJUVJmY8Q5XSTs/ep8cabXaZ"
    "ipNQ6tugogcxzf2y3fw/8PX65PN41G7A2bSZdLHiKPcxB0qIGhQs4HNlAtjU7VTJ/SGDP+"
    "S0R1g7paXWCjSeenh9+U/53+P37x9///0UDBuykUhmec9ZX5OaJefA412xqbIUZe3zxiS6"
    "oW4+5tkELeVModka7uW1BdRzpCaTS/WM+sNDY/0sE1Wc9Uy2uyZQlnTFc68+kXWjnP2g4r"
    "oL1MoIFXNVBmDG+TWi8UsUEZXJ39sUAMi8AKnY1C2YgEVl82xyxolsH6kyCuAtKNpd9/TT"
    "wm14Xuu51ydl3JbgpHzWOscm5RRWAd1BAS3SbbQMb3uSm7T5kPTN+0vD0qMivQ9k7+gN8x"
    "KFn/GimWfRt7ayKivi8kCuiCh0YrzoyKZ8lockkIAHSCJiHpDosaSWp2WMfb6AIxojuJB5"
    "JCgHCHnMX5MwVlXV18yF4x7U6gvikFt5ZjNlVlqc15iUg49mfR16/J1tO6PbimlsKQPTVk"
    "pjxzP6fifhwN4O1pXkkK4ksEkZrt4izaFAHtIC1niZLuMylV3MHYDmkUcaEtZtOwlzkpMu"
    "ZHBkjxHJvpE0srGC9LZaqgWq+66e2sxQ7kPjucf6tVblvMsEWJWzidSWhG1x2OrOZLt6Gd"
    "oYqJQ1gXKxBz9ytOTyIc8RFUKKPddkjcYhXoOzPrpFUeIT+Q9EN/tyXcqfLFWxqvagUKWe"
    "vMlBw10X1g4/XJfaqnrglFOCrOnEllDtqQzXnD64nTtrSR58+vLb/jWs+Qdngm+JaHAgHy"
    "SJS7Z5mRf2LBMeihMe6qZSDJMu7Pfd8S+RDcmwcGxHdn2cm1fCLtHZ+lU7wg88lDH2BSKb"
    "nmFX5K2G9IBKJZs7Z8O2fN2Fa6kK0wWm5etaGbAAPG8cPp87c9Lgud1eg7RGOKDtY28G+Z"
    "BELklhmoUG8NYJLbwN/J78ODwqlPeY4fptIrUQN0BMmSNCwjxTfKt0J63f3xucN9inEpKI"
    "B6Y65TKl1Sn3Tqdcn2a5tdCGPAFd5jkntRPd64nWSmUD7jQnOGL0ttLlZY/SfH0/Oai7cK"
    "dPt+SfbtRc7mKAKxHaT6jXnxAUHtnFxips1bXTmd/ZGqoWS2HGVD/VRD0gPv3IiiqFpnK5"
    "kdNlcmzVCIeX2H//mqsCaGbCU51wQEt+b7LUjpK/lfrvhjYiN/x6p2O5TGlP5j6fzHqunI"
    "hg0ZS1o/00qBHa0+Du02B1G2LgY7h7bejvXae0eHfFmyexXKfyhUVsyPK00Q8P+4N4w2j4"
    "tA/gTuu9RDo80A+3weA4aUhTc/f2ktEND+v9a6Y0ZqoIkDnUOdnwkN5bOtheeWj/KPtqLT"
    "VcbDC521/bCXXbrkWyyI1cDH7uGa39oaH4b+r4fImovCfQ39CvfxQcCSfo9wSzmMbrf/+r"
    "7p69t15tzGyvNT82P/i9nMTq26mj254pLic4foK4+5GVD5IKTm6k9KZhVW+NitsQHTEoLt"
    "tviqDne1CPQ+Jssr32PQXqA31k/jqdyhNRFKWrzubee1Cz3qAeVE/fK677p8TfwnKru134"
    "bfBw78hs/wKp3zDKwhIJjphQfyuO/RIFlNEgCeQFYIXnNBIxCpPIXWJBEJerYIJiSiIx2V"
    "REWsmFyVd1DvywQ1m23LLlJ7iZHpgtTz+uHeKTinQ2QGz3+DwK6g+6iy9xkcy6EsMVdSY4"
    "2ZngwJlgKPq09GCTg3SQhODwlXvVjWEZmQrZF4n7PVMEH1vaFzGOYrGDUFIitB4K/RFB6p"
    "KnKg9iPsMFMju/fZ5fq7GzGjuruzH7sKzG7iHO+klo7D6nluJRq9YubzHpoLnLrdNdtXc4"
    "RjhLO0YFWvEoXk7Qkq+QzyGDWAxXVYCdShINN+QbreX/1mhGUht4k65ufx1bzVyvdRVWM3"
    "cvmrniYxlgXCGz7lSdqmvbhCo2ocqR926bUOU04LUJVWxCldOygiimm8ZGuU2LNAM81LoE"
    "c7SHctQCOXqUsqZnW8Ppqg7qGqNeZayx83zgefbwusFs2Xr2lInsqV4/hnRwZsxj3PD5tB"
    "czLFNZYOvAppl8FFtpgGyVzDJLm/VmFoxpw47NVFkaL2U845ETuMtd4K6RDw/5ry46IP/V"
    "RSvycMuGf1hjcl8W92maFa0x+SHOet+NyWl5379DBcZRky251GByd2FjVcuxoxn5VV5eWF"
    "cQhnrB8TnS+REukT4w0J/IoyKQbGaTwXi3Lqxp+ERNwzC7hlx1gWRwxZVOvAJxr7nmg6Tq"
    "4SsJiJMIEpkt4ird8OA+hHhomp7nCxPz7MQyFcSiMsiF6/tZzp1W85bFXMU3reV1QyJh6E"
    "xSp7Tr+e71bEXCVuhPVxiwMuADmuaeCH1vccQkzG1B/8Xbk20CH9ENTcL+P4aw3nj0WM7s"
    "nC6SiHiXGx/ekMNMI8wQuclD9SdoReMlcnEof4JXBlQolt1Qrj2AMxeDhsrIBx7MSpGnKk"
    "XaCsiaSXneRcR53i7hPK8JONZ3+4AcoNqoTNDNCQ4F75CWrj4QZH+3pGF3bnd3rZBZ+3cB"
    "FXl0OusEm3hfNlBaSOHKIuKreGm8PqtkFswCKjuszwZKCylc4cwlChat3mlgcLd5BzRQ2+"
    "woHRwFPEz9tfa+cqTYYrCQGyitW1wbwOmptAvCZVILcUOGH3DL3A3iJlILcVM0l9JlmLoj"
    "V8nsSQdXTicSBvLzOHzuMHIbO2uCo7qdqbHFXiJqu8i/F+3y70VN/s0w3Mmpvkhnd4gmj+"
    "WI4GtnxlkiiFGmtTqlTba2e7I1rp7QaAIKJBZ5m9S+v8KKTSQ4TMOmTST4cObXuqG0s2Sn"
    "6aNuIxMe4qz3PDLh7W1Io/VPJIBZjUZNfirlFpOtriqqrROljbt6qzCCIr4CBxA0S9xrEq"
    "NblPUBMQZQPoIyQaKY5rnp4iVBOOYBdZHrYxpMkOCIYHcJNwV4moCqu8Fb5cCDNXir/DrS"
    "A6Xu8WoMLSP/yzqynIIjS2n6uk9CicwWWTCcjpoHtCn8JTIL/87wF/arGv5bEkEUiYaE/t"
    "40gTo/ngGmGwKLZ/M6PYFAlOMFVu29RLRxcWhbFtosj6mV+VvRP11pr18xCbcxiRj233AW"
    "a5msQd4rN5ncHYzu6qbm4eiUoV/IGx68RNOcW5sqWQr5lF1D+e5lxJPFUklgci1yRrdHp+"
    "/eow0z6DU/2i6dkXTB7hDv20A6uOCD/fvHp1+NCdAFkgPxAkMC+N4E3p7BfC/irk3NYGOr"
    "LYNrY6vtNPdYjlF5st7rEIYGGaZ4u4P8olJapRERBjYrTYD4HGGdFesSaiplksh4CmVGpi"
    "jjMc8QV/al+Ty/pf46a0ij5ZN53Gy6OsKYjRasQnqnlFe2tqsesS/9TuU1cK7GXO7ct7g5"
    "bHHIlnc6VCUMazI5JLq/cahw40pEDIx8ZSIbQVEX0AGhnYSLEqGVLXonWxQnGbjRHaa4QG"
    "bdm/s8vyplipPNQ3fhoEx30nGSRxAM+iKtJ9Qjb2Q3oyZZPb852SapL6CZ48p2nc2MiuSR"
    "QKl5EgHxRvBVGkVw8RxjKH98LcVn5dupTIREWxElie8jHKNpekvuLdMzKSyDL3JDKrQjjW"
    "lNlT3+5iZbhHGlfDG26xSp9rPjPZipKIs6RnadnGBwFuGvuniGfdXuGfZVzTPsNOTIUbb9"
    "jmowl+70Mw+0zq5pqsorElkL5d26pt8jxzRtZYFkeAi/6LSQX2xZyS/qSxnfyAPSyJN0Q2"
    "Eh7gSx4h2NdoqMYHgA778w24YzN1VQlCmtjqLPOgrrrfIgptl6qwx2mnui//qBxzGJ1qMG"
    "7Vd2a7JN9+WrRrRr9v9XSBOsU28RgbwIr9CcR2k2/o1CSt6YQ+aiMJn5VCyJJ3+7PhfEe4"
    "luKFldotWSEF9eZZQRZxFRaCFHw7G7bFB/HWfgKzaGNgLxGxIpzZmQqKrBMjqoIqCIBFQi"
    "gCYrzlAY0f8F7ZyQz3lmVWn919+0q9JsBvwDSsHFxzLAuEI2PEniIFF/sJWZoJy1P6LiTO"
    "2pda3Z5nJfVWYiTpPW1gFu3acrVDbW+mRjrUeKy6iv283lfgZae1SEPl4784g36HC2yyRV"
    "Wqti6JtQ0jTTCYupv+tU58R2rns911I82e2TLhLaOe79HO/2MZco7Sz3epZVwQmYMRO+sk"
    "JlXXvrbKVP52p5G2NbJ7TwNlSngOT8kvVtqhrUXpuiRGRhbSrCxv32+txbKrCVySy0DdBm"
    "6uEdrDNVWnum9vlM1cr/nSzqBUI7x72e49QsPjMq6VOmGp5S2abZOCb0p5lF3OaOf4iz3r"
    "Cp9il3fOq78L0UuUbtrg3q9uRu94aCaNwt/QY0n6AVjZeISDZarlqIrGGEeBBOwxFOPBor"
    "R4CIgJ4U0ZacGrt0dMWu2DSS13gwzTLECyK3z1g8hv6YBAtcIF6i6YrQxTIWU9XmV+WC4F"
    "BPDqiu/wuFmEYCMnrAfRAKUCoUIKz7hf6umMDKjwEyGyYM32CqPjbd6x9Zr5cQJSQ4+7cm"
    "JC5VHZFb10/gbcYi5u414kk8QS4OxZnsTQl4qj6p6uyKaeeNR9p7Q0BKRaxS5gNCkhL+It"
    "jXzhRoRuY8IpJQgsAZkf3BqJ46r6eX6UuCo4ccBf15xeDL5D6GiXQK74HGykdDtw6pfMY5"
    "8X0EIKQDxUsco5WERD4ChEMVO1KvUOjtHCaHyK1HxM41Wecz5PqUsFi+2TuPBCGPCXPXj/"
    "8vWV8ivVOpqgBpihWY73RlqnT/8NZxtJbrApxONDTxim5L+58tbO35UUrPVni6WiaVrYSQ"
    "eWWCfm2+WKbLkrRY75Xeea+UJ6r7LJTphmSatjUFHhL8xe3PQBSskA3Ql+vZ027eBNvcCW"
    "r+BPepoOwd3HvWUGoe0GwX2dAMCdIjbyEpW11Hvr2Aa4Hkiwq49m0CtmB5kAquBU7bBP4K"
    "mZ2CL5iCjdBmaspzbRGZLdu5NZEeBNaNTsCE3StTDZDb239kaqYIMmNIilRD2haOzJJoGE"
    "3TVZapBrjK95xWUeNlGv9Tphogyvs3I4KW11G4NewmUjYkmLWJ6UXCCtYzSXmCYG/bHD5+"
    "/KHE4L1+V9kqPvz8/vVbKbYr8GUjGrfsIBCYaMB4ZM0ty9HklWUY9/OFIT8Dh1OKDaHExJ"
    "SzKJENCNcjcxY2ku1gkWwhYZ5DWLyDNaZOOySI74V53m0i6rR2q9l1HjzcIKOD/1BbVEOT"
    "cF5yGjrBT2ALiuD0Y/3tHor7ar9crf5O5/Go3dVK3Z50cbVayJads8lA5hQgQCtMVfZiSO"
    "giHzXBPpon/pz6gdx6dW4Xcqma/4nEkoahSusiH4LekAgyu4APTupes5DXlFPOqLKODj7g"
    "FZNzLpeFQGOAcYJC+dHJf9KrZ2i1pD5BNAavoansfJr2g6NrItFTIwm4r1zGXBxFNPUXAi"
    "ivlfOYcv7qmGHm102uWeuy01uXHRWgaToFBSKbuXlHhsT6SllfqX7UubpHuchadIZfDLh3"
    "kB/YvnDfKfm7wDtaad+3Mr7ZxX6mD0oZ2Tqy7a45BZIvcsvpmQbl2F45qSxgsqYLJMMLbd"
    "y/f0MmYUkh3QTlCtnwkD7A7qzl6R2UWmVKG5LdN51W2TEr1ZXsMM9VWjvTfZ5pq6Qe7DT3"
    "S0n9I+f+f6VRI+266mKrSReVdTEapavqmiEaBInqCgmGQ7HkMUTa4iyy85FQEbeXaKoEZj"
    "FFf0O//gHRuVo1DF55kzR5+QSlzgwxCUJfrm6I4q1rrw8/JgTRitiZEzZRmcyzUOJJMSZ2"
    "ArGsTqqD8WlA5W2dgUz9AWtGaawh5hhCcwWJQdXeNZg1Cwuqxq5a5XUvlddWh3rPiiTz6D"
    "sbeHeHf5/aPE2UHBsKG3r0paFHNkRm74GkKnGHiVJjQ2HVzQZZsWz2MZt9rH9btRU0zQVN"
    "FWGyRcTMIlA6CJc5a9At95ROSaSkOpDlzpXQdpkKbWg81T+mE6j47tFY1XePeLJYKoHLJ9"
    "6CRDqJEUh3kqAu5k3rsuXRRr5iVIikQCsRPBckuqEuEeeaQkAvyksL+tDyqBxW+2fJcdBs"
    "jZZSxDw7R9OCXDq91DKneg2c5raSSPsCweKAfFtjcisnwF9DPikkf9EbnZgJ3neCEqYEWD"
    "mAymUlu/+kclrBGpGSdH77pUpwlV1msq/LKzatCsVTtKIszb5FRfpYhSxQkOxpgqYFyXlD"
    "QWPV8pN8y8USUyler1VFMvkytrZY/4WzU5WWhzof1uviKOyZaXiyDUxugbYemGwjDg8QcV"
    "hgTMx242b6ASF9HzGIkskzWOBFkgEBv7clTgMp4DhJ1FAtqH1DLhENTyFxkBqbx4yr3+nM"
    "e1rF9ml/Vqm2LhrAtyGwAOptMBd/G46wbZk0KpRHTKWRXyli2qwR2Yf6a585NEAdIKXuGD"
    "dsq+2ffJnKnlZtwPpkbrSVlogsrA2GzIpKykSAaCC1EDfFtOfqOwN0K1QW2DqwWjtreKht"
    "iI54nmVasyKouSatx6eZtaa1L+bTrOpia/k8xFlvsKn2sJaPMpl+j9ejO6yq3+usLx0Nq4"
    "6H1x2Nq7+ktjW+MXUy9UfJyjbOTYiPRNk4dzZBcqkIbX7E4BDrUegb+ygJBYkaSgAdZ8hG"
    "n9pilC4k0rHetD3SfLbbB21Its1P1VtHoob8VCsjx+OVdTouyTv9OqGVs8sr77dExJAEac"
    "tBXW3Z6bzW6hqcU3VOEpVlR5Kno64x58LpmXkqwdaXltijsUiL1OkzVVfXgznzofF0ozCa"
    "ntUP60MOZP11en0EnOJ5PNS5KAUQx9hEqZa1t+dLq4rdNLiiQmWRteEVDYCWreyd6sxdbK"
    "kzd1GvM8dDAIQb5T8p0gwQZxte0Q+pqOeqwF6FV7xXFsVRg2SR3tkqSWh7ZGe5AaYwCcDJ"
    "/pqstQ4toIw+DiO+iHCA5P7AqHeOXmMfM5cIhCMobM14FGBfad3mEQ8KwQ0TJORDA5/PBF"
    "iaOGuSIo41rJUpes3HtssUegEYnmSscQ52PMfudxIOfIrJt+SG+BZIDuT1OCSAVVJrE3hz"
    "guG5lB6gzB6ApUtpRkbhxDXC4aG956gKRt1r44CgAs3wAN7/ZkHZDY1hWXpGMFfIBnfsPf"
    "u6A9DPqlJCITXr181AQzYBY3VljXRA/mhH1lnONFNvoGErUFiXdnWOEebBeN0hLFBYCOHK"
    "IuIruc10R3BDYAGEKzEFv2dyQ0z8/MtEFki44i4JZEd25BgEXxuAWSe0gMIVH4vYycAxdF"
    "hpov1C75WeHfpmzitW392+bE/TFdY6QD/EWe+5A7Q2bfw9oR4ZtVo+9O3J3eYPZwEtOxpB"
    "PudF6h4JpAgvN9YFlweBXHnxGi0iHC4fqRxFAY7WuuUEYRTxhHny/zPKkHICAEcovAb3rQ"
    "niUJmuZgA5/JBQZS+g7BxB0irJuBaSKlnDSP+F5XbDSH+qgT2YySiVTJrPzetUF6isp9vu"
    "2PPI3MuwSHUgjd0DgJ4nUZO+bkupsJxigE5F+9dLF9wWGlf41spKFcrhGVz2bz+0Qm0r9K"
    "crzvTMiUvC7IrvIVBx1CjQFO7fIdGolo6XN71Lommf68YoyFTJFSU+ca6J+u3K9brg2kJe"
    "0NhW4yN/LTXMIyit1NA7qcFG7RkrPovfQ2ef9QLNABmfA3hTF/aPriAXaQYI8kUXkC/aQb"
    "6ogXxShroTimnRSdoNj7Wc5qRNdUcWQCPiERKYYl2ksmiboA3Fr8zR3lBZtLujTW5DGpmC"
    "XSCyWHfH2vXxCnz4pIhnhneF0GLeHXOdzECCx5MGbcs20KuUFvXuqDNiCHZKYDE22LmZfK"
    "qmGohbd+4NkcW6O9aFsEZTo6fFugPW/VKbanePlkR4tTaTLurT1ADeORXebkrUkpk91wbd"
    "rTctkVolqlWi9laJYqZE7Y+3Sj90T8eW5K0O2+qwrQ7b6rBLOux+8XqfaJCkJVbamb1Co0"
    "7cnsjbd86Eslri+DGdoyiBsqw/fvz0GT1RPrRPbp49KfQ3PdMlVL0Iz+OJSnOospYQIRBm"
    "nrqAmViljraVxCcHGOWKXcklguNEXEK3TI6F/kQepFD+U74u9Yl3jj4F2PehdKrHVxklwj"
    "HizCUvkY+jhfxbkgj1ZJSpwWGeF9rXWFVoJVdsxaNr2TKWr4Fizq9Vu4jIb0PE6sEgUUvI"
    "swq01IOauOmDO7Nwiv4GNV2Zyg0Z+hhyvzzJrqSj6oe0OSFPgNNo55X1gjQ5EjcUAzwQn3"
    "VJ9/asPdvbs1qyt8JHZXAiVqhOWiuyx9yEavuqw/ifnz5+aDN25SRV+Y66sdx3fSpOkb3Y"
    "ghuAofQUmeNftjrH71/9d3Xhvvnh42sFTsGjDzp4XYNewPMbIZ9RfBHwPXN4PTbuJIrM8k"
    "TmBMNzLz5IxcvMT3hmJhaWqAZ4Dj7vcg4+bz8Hn9fOQevKvcumchKu3MVpnlNGxXKnea6Q"
    "7mGie7adnfo890sf8Yuc9wiqHIza1RGbNpMu2ohV1vwApqeu4rBxDrcvyd/WM4n4INFE7b"
    "KvSiECdn7zLGM10pOW0I5s7ehR0gp7QgzxhPiYxDN++54IgdUCrx0P5QZbzwaumjqBbnv4"
    "g+HXgoKNkdtYrvWYBCH8ax0OeqpEvZYvb3JmZ+0HKDju36LoES8Jja3jZarBMUfPLrqkD5"
    "at2jXVF7UUwvfmBNKzU/h+uKIQr32OG7Bv17EWSKx2+wu0rKdhBCumhi2jXrzRTytYysQ0"
    "YNweVVAgOWnpam/2ryo7WMNyu/DUQG6Vqb0ToWr5UY1NQGUqawcysgNZ88Sgv6geqZ7sNA"
    "9S9/SjTu85atA6Zbcm2/RNaXrQzu6QInFdIsQ88bPMomj8+adXHz69evP53ccP559+fvPm"
    "7adPZxMpDLBr4qGYI5xmGAXPP/Dkk4TgVahruY0qq+VQY3RRhZVES7nRejT9BK0mrJ+asH"
    "tPkNezSTlwfjyexI4cziNyJzQBu0p3KCF2SJXiAndptqJzggGqefe/lOWJaAZvTmDh7bJT"
    "3Hudzj7tDg9NfT5URqTEeMjTTOFmxnQUqI6oyq3rcPe3tvef9ZjH2HfmhBlob0s0NqKv2d"
    "4jP/tdsG2gtAg3ZZFKoogw18yzu0BzxP3gzYd/1reE7GIPq82mGgEn03WZaNKqtFaX1jtd"
    "WsV0h92G+otbOPOcwhofOhkf7itovm9I7z1ecJ7IN/EMj9cqmTU+jy7L2lfDDb9Cat12+7"
    "zdW0Pog5hmawgd7DT3yxD6kzpNR+3m0LTBpINR1NFH8y62UU2Jxj+9/Y+fP3xfsFhKxAWd"
    "+WvZwuWRB+lQyJxHRKdy0ePeYRP98r5t+pReqxnb7Z166g1NnSWiwVk59295A2tlipm5mb"
    "NEaMG+E+z+WfD7ZDh6eCb8e9S17H9xp5vBLvoAq2kf3WXL2AndJlKLcZOF01rhrBXuBBHu"
    "manIqg4PplMKfcwYaZJHOfcJZi3f0YaqMr0zSXaoDyi/UpzTZkXCPuby9cePP5Sm8fW7iq"
    "z54ef3r9/+NH6m5k82onFJBC2gzCkzCqTbEFgjUR3ORcRXcYN5sxXODYGFs6GKVBj6dCe9"
    "cpnS7vR93umtkWiw09wX6wEcWq8T95o0h1IVbk+2Wg6goTNTLTvaDd7iSPIjSB+baEXjJQ"
    "Qw0QjxFUOqoOP6JRIQcy8g7fsKCQ4J2ePH6h5kdZ/TSMTnaOqRWTxFSy5fGEFlwseAjUAz"
    "4vMVelq3Khx1ZOP4K8h5QEayza/pz0lW31KokKzSjYhIjk+Q/EaeK81GbvXTkmErAN17jU"
    "LzNIRfnIGwZzzS/WCfb1pdde85wQCV7nt2FKaMxhSb+DUWKIa0n+zRqzGQfafpfjqbMAo0"
    "FtX26t4ODnjCGqSa9i24Rmj9RTe4iB1ExDKlVQT0TUIsb0Y5m284y2VKO8t9nmX9RTpR0m"
    "Af21KKpEQ1vFAQWyPDfk4nqVZ7C1LjqE2rpu9O7laqgfBJO2bEHr0LgkTRI594UMPQp4yc"
    "oyn1SABZeqeICqQXGwrlba1X0LUVoUIitAt5DKGZ8p67xIyKAM15lGrL6sq0o4zYWGO8pB"
    "PJhmsoLl5pl2rQeBK5qZqt8FVbtZlVm/V6g74f1Q123WZ5bUt06obkiAHe+AZT3UMN//Kt"
    "nubvNRWL70McPiF1g60YcMDFqsoUG0kqGcEAhZQu+tzn7Qrd5/XUD5pBMYB3QzE8fP/SJd"
    "vOX9qz7fyllm0nSnxizE8UiKwdaFdmImfVDdZ2kWaIm/MhEqXNsI+ZSxw8j0lDZvPWRV6j"
    "s6xFDxwaB2e5AE1Gw/nWXoYlJ7CVrnevwWJ1n7tMhdV9Guo+xevEW2zxKczuT+7Ufwpnpp"
    "p2zUbAWIL9zLdPk6IxRuCph1xCfbkCzs4RjHapMgoIIveOuY8XDdkHvqwvm22g1wxpu7Jx"
    "TbAJv5Q138+x3gf893bG62/GaYul2baka6RD4kKPLHHJTZ05EiXKnVlosLJrdMebg2+fPq"
    "0xr9m1fqxt2PZNRNis/RG14fpMqqvCC9d74svYE97lEw9fCUEXrK22TLnBVu5F8NDBeduO"
    "7MtHRtAioR55JJCQS4kgPkcYxVhcnyPlD3upirugx98hD8ynfyJ+QyIvIWic/chuiZj6Pl"
    "JWGDFBvqQ9k81dkO19nzRUoDnm4Ffsiv1C3vAACQrs03RFXB44gVhQbyqZLM+D3w5U0dPE"
    "PMra/MZnss2TacBVsqpNe/03PO7ZJGusK0hOr9g4rd4IT6ElGflLQI0dybJh6qu/8+c7e4"
    "mmIfd9Ke1MkfKgEspiLVl0+Q0huHWOphEJ5Pen2mDmXbGpR7AH9m99SQLo8pDKnueRfFGg"
    "h4dDgqd9ATWJgFabw1MMAxxdK2oAUn55HoXlITnRn38E4aLdIg69b6JI5vM8EKRW+DoNHk"
    "kfvxJUUngLfacIpZZWFDLWWt5TBrawDrpPQYHIslpfEuSgvzsj7ItUhwJ/qJ9BEXsemdt0"
    "ilTWqLMr9hFZwHMa8MMbiuGZK/efv0wfwZJrj8yyxVXphof1/tOXnUKgmqobVZfs8qv7sU"
    "p2MkpusUnWE8O5VDLEZolVykTWeAZXIOScJ0YwFkksiHphZfJPDcW7gmoKhDampm+GsOIc"
    "F2VZw1mukFqLZ68nOtWm7P4525xIJzHPqZJsh2kuU9pZ7vMsS6El9MmOjioVWjvTpzHTNx"
    "SbCF01wuGJtvsXwMgN9Qgz87sr0ljXu91d76pWFDMVTsH6Ytf5neu8YE00hzonGyLSB3A0"
    "L5hlzcHOySzY3cqfZ1ZvE6hLRBZog1WtZUMTPVuNzirb4ErmM2DIzBfILB/faz7eBhYMdZ"
    "r745z3U2YKGjX75m3uT+5yzStblbqUOXQTEctzNEpd4uT/ogXInyheRjxZLJW7lvKfO0dT"
    "QZiXOZ+hgEYRjwQCh+aFbBuCa5tqkfqTjZ8ixtVDV8ofHnzMKwY+cBP0DOl/L+CiHG0eSW"
    "y8CfpKeaUp9zSfBjQGx7gYL+QEqcQugsRotSQMpb58S74SuaPbI/kTL7ZkcCm4HJHbmEQM"
    "+5mpuuq2Zj3NrKdZX/f3e8rJkvsWG09AjdT6nO06C9V9y0AoayAdYGj7/t1z7i0XVM+kh/"
    "tZ8KkbSQP226pPFahs9akO1acKrJyB6qFCNaBFvr+sA4p3NVy9GyK7eLss3msK8hUWZg7B"
    "FbLhqSn34xXcI2k8UU/YKIgnOs/eHTK4bNU5rh99+vgjAopLhBnCiUfBKInGmYgs0Gwt5d"
    "FFoORYHm1kZyX+irMJEjEJs4I/EZXfdCTgIg83UVYNGU6PN/QV+0QIkpg9kRzhDXWJeCJh"
    "eqJgOg/XKisqCNdiieXSgei8qep3OgGhHDQD6mf6JOqnHMHhbGoTEvSfx2qXstW/Bjtp1t"
    "6KEx3EiexzNgG4SDNAkPdcnCbdmuoAb8n1tCH5IpeTvuF8bJ+T9Cgwgb5AYqH/kkxbSwzq"
    "NaNlX6SxrlZfsOyBKzJa9BmBXfJfBLviNs2Az0ks9F8AvRSe6E0DD7NVr7EhOqJeI2Pfi6"
    "DnLH2PtRrWwWGXCbAODoYqFTZq06iwLgoVZpBoCHLNwMGn9ArgSKC57o1eA1VMVEq3oVQa"
    "KOVUziZQ91iuWk924BLQg4CCIq33kiZsriUZOsbAV2wMehOteZmkI8h+XDeJIpDdznROo0"
    "RcojRxkUgzBOmfcPiASjKUQ4y1WhJSGMXc49CC8ZjKefXavRsKycLhGbL01fpJ1ALPn6Uh"
    "S08LdTFTSKrpt1l4+qm1uZcM8307Gu4rE8zmi+lsfijQDFCns/+UJIXtywDmMtUAgX7WpV"
    "TFs/ZSFc9qpSo2J0ZXkDcUAwT4IAlfepq060Hs1aYBcV8YCtc72A9cp8ncEm+N8OapuWys"
    "4VGisqwWphV9q4XZlxbmE2HeG1VYsVkXs7k/uUsjo1zydBrkboqZNzwKtarjMdAK9BudE5"
    "bnLAaNCd74l1Am/wo4i5do/JrQ30B9Act3gh79U/73+P37R2eXaXCGfD56A84qOJYkoh5u"
    "cryhr9hfPbwW0Ifq4bu8K8iF7EU81FEk5NYlQiBB5aYS+2s0hud9soIywfHjMOIxl9+3OA"
    "88dJU8fYq/eXEuj7/L7LkV6mhOIxG3a2kavLDVk9gIlD6xi+1aFuuAf3wHfPV9GACdEwwQ"
    "3m0rOkP3m1Zwv6mJosQs2jxv/3CjzPvDN3zG4rqFZVC37uQWIDKuczxqVhsBLTFkr0Mx15"
    "Gg4jK1dgg0zpJbiwnS+ZaV16nWW4BbauE8z/1X4RBvcoM98IBQESIzyAh3SbwEajJAPQkq"
    "QhzDFTSeY8bA5JPE5XISaJpGmDizcHqJZlhQkRXu4nPFSwTQh3yXK7Zx242kDBbBq2CB0g"
    "7QGAJgwf4jnxbo5IqNI+6n5qe0MzKfEzeW9CGPWpmLmk1no7iQv6LYllDoL1uRrXXz4NYy"
    "4YBicI6sF7S12w9oUrAe5Qfkj+HEMHS6LZBYN7gvcIOzrubW1fwBQp9xkzXst6vEi3RWId"
    "47hbjNY/8AJzqtLTEjcxCk5e8kJmbVUlroH66CqCF9hVkd3DKRBTI9O07AbWOUa5JGtb2n"
    "fKufeYwrBWQ7rtcKlV2wemO0taf2AuRGH7sLM1Iltlld+8yNZE4zswZX6m1a0DKdVYLuqg"
    "S17k6D/cx6ZLZMTRajFtNldntyp/kybdnZhBmRREAHOrktaPB1ihwaC5QuGJSqRs/V7Uso"
    "xh4xXcedshsqeUrZm/wjkEyPExAh5GuiPxuslwcb64q5PAjkZxGvIT4MLxaS5BxN086mEJ"
    "um+4vJbTxBUha/niAcx9hdagPo7wn9X/SH/KqEygP06x+/TxBXMAnZkIkVieRyuWKhGhdH"
    "13L+VBwcLHs0FnI8+V5/piZK+Xwq3T/YL/FC22KzxAI2D1D/d/92o6Q1iVmTmDWJWePAyM"
    "Q4YFlIy0IemIUMCfNe+T53cToDdTay0mQ7KwmNHZy37shO/rKk7hLNEvcaPNEwUt0gLyIr"
    "NI94MEGCy6sRAUd07MsfyldNIHIru/UhfwAXJKcf84hKRk42JLchjdZndY+4YwxoebUT5d"
    "Xk0RWtjb3HilQ2Kf+uWhP9SRmDXyKzEb07w4+DLDaqq70iJxgS6oNwagfX7Z+FOnjqh3p+"
    "c/txrty/Icam40H+CY7J1LV8gkDfQWIVPCZPV+wFlIlLBCVpYxpTeZxCXFpafghGUs1Sx2"
    "3BfVI/tw/Qvz2me7032dTK9yL1R9w3AjdrP0Bw96+v0vkDzKMeq3R7STxwvzvJoTOE29ya"
    "jRvuHiuGpFFjZidhkepAJuahHogFj3l+TZhwbrBPPQfPY83NmagJm3uwfh190xZapXC3z1"
    "C+oPeR+et0BZ7ItKcfS291xLBXjxqFSLgx2S5Agtq0q09BuFwL6mIfKbLLVM5DM+JzyFDC"
    "IeHsS+UEILK8s6leFgS7NGj5JcIoxGswoyN4YKHcBFS7psjoo4xpZcxeH6ntMqYrl7QJh5"
    "61348Y1CPWfP+516z4fkjxXe1LRgJ8TnEogIe0eK1caWs2WDZ3eGzuTzxud4QoNdjK9iom"
    "0tFKjiil6MgF/4OvkHzGNdJFr3UyPdXTI4EingDTyWeUoSUkvtHZfCD3jeCyxwiNoTkjt7"
    "FmZBGVHSQRE0g+JWINnhBHGM9yvyfK/d6Tbu/hTkVBtwcfkRnuOclJx7odAeeeHDifabNt"
    "Xl3ferzEtLNB/r3e1Zc0RD65IeDKhlU+ttkaYg5W8RLdYD8haMzA2U05wsVnLxGET4hNlE"
    "Ugp5eGvhy3foIcZgh7aPT4C9p2aKg1UJ+AVvTz9sM5K/YWr2t1JAeU4fXe5MRLKb5AmgiD"
    "NdtEav3fGhbwZlM3S9tRozseus+eyv+q8OYXH7xbIXAncgNii0aTUOHunRyM46qG3RiZdq"
    "gto3CijIJWOBiLlyUy62i/q4AJYS6OKa9WJrInXqNTjjGqRRKLaWP+nyOXweodoAdmha2x"
    "pRX6EzGu9D3Q9BciP9b4R7z+oIovt4ebNjfcykzqokIhXjusQNNRQfb2hkRrJP+nSkKjYg"
    "8TXZ86JFHpMqIeFEvQ5Q4i4hJ6Q7wJCiMOFY/gJ10wHhGvwdpy8NEsN9xr/mtLNEthzht5"
    "4i1anzrp4PyP9u8iIzkuptPwmGBdphogc/G8SxHT5+1FTJ83FDEVPIlcYox1jfCIyUdHNb"
    "B7jfDcDNf5zmj2LO7i4G50egXW0W1PflOk+aLsN6cTQ3GozPinkKU4Y8nqG0bpTj9zFKfF"
    "PalRmvIy0REV81WEn30xz7c3DYWPReyQKOINIVjtC7ZMNbwy0hcvXnRYsbJV65JV96yu4o"
    "HoKorTnAu4O0x0ldYGNPZtpnujlXJ58BZEulGjKiq/O7lD/8QDR0mGnUPdMhXQBHnEjdYh"
    "VOl2se/De002xS11LRBEY3Cslbckhj7xFlD2knkbJRC4WmG04tF1k4PWQUeD2p9TLRVfk/"
    "UUKD052g1UHY94kNfhhNC4sWqnUtqyBUGwbnWhTupBxJx8pAjYigl6o3bqz/LTzOqQPxJX"
    "LCIx3NaFxpPQB5WH/FN+9z64HoOuTHbuSe6aMslo6wlB2unM4+foU6pFg1xvkBr48XfZO6"
    "V/eZyppMCpRg2NEwYYMJQ+9zUJY11LXaWagTqmc0yh1ul4gW8ISkKkgqhRCggchjiG1Mqx"
    "mHbVzxVrjYJjddaDLTnaX+Vdvv7NVUkp0eAUds++7qLmkK225E2pKTrITWMm2jswHqqm7t"
    "sueqRv2/VI39ZYa7UvG+vpKmQW6g5Qh3jtc9ywabcrlgokNqvy8BVLKZdS1ysVb/RTrZTx"
    "PAZKpSLJScev7M/3u8L71bDcLgM3kFuNR+/kYKtDvGt3OogOMVPN7/BdVUjtN9Xrb8pqEY"
    "c80z3RIr4iEXWXowYNYnpnsk17iDdtehME8VDURl/IrLUrhKBuhGECngLJACXogxzj8FEZ"
    "IJw2HyC6z552UrY93aJse1pTttnCT0dVUdzrYfbv/w9k6eIM"
)
