from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return r"""
        CREATE TABLE IF NOT EXISTS "award_counters" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "member_id" BIGINT NOT NULL,
    "rule_id" BIGINT NOT NULL,
    "period" VARCHAR(16) NOT NULL,
    "count" INT NOT NULL DEFAULT 0,
    "points" INT NOT NULL DEFAULT 0,
    CONSTRAINT "uid_award_count_member__311947" UNIQUE ("member_id", "rule_id", "period")
) /* Per member x rule x period ('d:YYYY-MM-DD' Shanghai day, or 'life') usage, for caps. */;
CREATE TABLE IF NOT EXISTS "campaigns" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "name" VARCHAR(64) NOT NULL,
    "multiplier_bp" INT NOT NULL,
    "recurrence" VARCHAR(12) NOT NULL,
    "starts_at" TIMESTAMP,
    "ends_at" TIMESTAMP,
    "day_of_month" INT,
    "month" INT,
    "weekday" INT,
    "events" JSON,
    "tier_levels" JSON,
    "active" INT NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP NOT NULL
) /* Member day / member month multipliers (basis points: 15000 = 1.5x). Overlaps: the highest wins. */;
CREATE TABLE IF NOT EXISTS "checkins" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "member_id" BIGINT NOT NULL,
    "day" DATE NOT NULL,
    "streak" INT NOT NULL,
    "makeup" INT NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP NOT NULL,
    CONSTRAINT "uid_checkins_member__99f795" UNIQUE ("member_id", "day")
);
CREATE TABLE IF NOT EXISTS "earning_rules" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "code" VARCHAR(48) NOT NULL UNIQUE,
    "name" VARCHAR(64) NOT NULL,
    "event" VARCHAR(48) NOT NULL,
    "points_fixed" INT NOT NULL DEFAULT 0,
    "points_per_yuan" INT NOT NULL DEFAULT 0,
    "growth_fixed" INT NOT NULL DEFAULT 0,
    "growth_per_yuan" INT NOT NULL DEFAULT 0,
    "once_per_member" INT NOT NULL DEFAULT 0,
    "daily_count_cap" INT,
    "daily_points_cap" INT,
    "total_points_cap" INT,
    "pending_days" INT NOT NULL DEFAULT 0,
    "validity" VARCHAR(24) NOT NULL DEFAULT 'end_of_next_year',
    "validity_days" INT,
    "streak_bonuses" JSON,
    "options" JSON,
    "active" INT NOT NULL DEFAULT 1,
    "starts_at" TIMESTAMP,
    "ends_at" TIMESTAMP,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL
) /* Operator-configured: how many points an event earns, with caps, pending period and validity. */;
CREATE INDEX IF NOT EXISTS "idx_earning_rul_event_3154a5" ON "earning_rules" ("event");
CREATE TABLE IF NOT EXISTS "expiry_reminders" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "bucket_id" BIGINT NOT NULL,
    "member_id" BIGINT NOT NULL,
    "stage_days" INT NOT NULL,
    "amount" INT NOT NULL,
    "status" VARCHAR(10) NOT NULL,
    "error" VARCHAR(255),
    "created_at" TIMESTAMP NOT NULL,
    CONSTRAINT "uid_expiry_remi_bucket__6ed80f" UNIQUE ("bucket_id", "stage_days")
) /* One row per bucket x reminder stage: inserting it is the atomic claim, so each is sent once. */;
CREATE TABLE IF NOT EXISTS "members" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "openid" VARCHAR(64) NOT NULL UNIQUE,
    "unionid" VARCHAR(64),
    "phone" VARCHAR(32),
    "phone_country" VARCHAR(8),
    "nickname" VARCHAR(64),
    "invite_code" VARCHAR(16) NOT NULL UNIQUE,
    "invited_by_id" BIGINT,
    "balance" INT NOT NULL DEFAULT 0,
    "pending" INT NOT NULL DEFAULT 0,
    "growth" INT NOT NULL DEFAULT 0,
    "tier_level" INT NOT NULL DEFAULT 0,
    "checkin_streak" INT NOT NULL DEFAULT 0,
    "last_checkin_day" DATE,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL
) /* A consumer, keyed by mini-program openid. Balances are denormalised from the ledger, same transaction. */;
CREATE INDEX IF NOT EXISTS "idx_members_unionid_bd8140" ON "members" ("unionid");
CREATE TABLE IF NOT EXISTS "outbox_messages" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "kind" VARCHAR(24) NOT NULL,
    "dedupe_key" VARCHAR(128) NOT NULL UNIQUE,
    "member_id" BIGINT,
    "payload" JSON NOT NULL,
    "status" VARCHAR(10) NOT NULL DEFAULT 'pending',
    "attempts" INT NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMP NOT NULL,
    "last_error" VARCHAR(255),
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_outbox_mess_status_e70b56" ON "outbox_messages" ("status", "next_attempt_at");
CREATE TABLE IF NOT EXISTS "point_buckets" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "member_id" BIGINT NOT NULL,
    "entry_id" BIGINT,
    "state" VARCHAR(8) NOT NULL,
    "initial" INT NOT NULL,
    "remaining" INT NOT NULL,
    "expired_amount" INT NOT NULL DEFAULT 0,
    "expires_at" TIMESTAMP,
    "release_at" TIMESTAMP,
    "expire_run" VARCHAR(40),
    "created_at" TIMESTAMP NOT NULL
) /* Earned points with their own expiry; spends draw soonest-expiring first. `debt` holds claw-backs below 0. */;
CREATE INDEX IF NOT EXISTS "idx_point_bucke_member__b283a2" ON "point_buckets" ("member_id", "state");
CREATE INDEX IF NOT EXISTS "idx_point_bucke_state_cb8042" ON "point_buckets" ("state", "expires_at");
CREATE INDEX IF NOT EXISTS "idx_point_bucke_state_0d690c" ON "point_buckets" ("state", "release_at");
CREATE INDEX IF NOT EXISTS "idx_point_bucke_entry_i_16ae06" ON "point_buckets" ("entry_id");
CREATE TABLE IF NOT EXISTS "point_entries" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "member_id" BIGINT NOT NULL,
    "account" VARCHAR(10) NOT NULL DEFAULT 'available',
    "amount" INT NOT NULL,
    "kind" VARCHAR(10) NOT NULL,
    "event" VARCHAR(48),
    "source" VARCHAR(96),
    "rule_id" BIGINT,
    "idem_key" VARCHAR(128) NOT NULL,
    "balance_after" INT NOT NULL,
    "growth" INT NOT NULL DEFAULT 0,
    "trace" JSON,
    "created_at" TIMESTAMP NOT NULL,
    CONSTRAINT "uid_point_entri_member__623069" UNIQUE ("member_id", "idem_key")
) /* Immutable ledger line. `idem_key` is unique per member: the one idempotency mechanism for points. */;
CREATE INDEX IF NOT EXISTS "idx_point_entri_member__336169" ON "point_entries" ("member_id", "id");
CREATE INDEX IF NOT EXISTS "idx_point_entri_source_637dd1" ON "point_entries" ("source");
CREATE INDEX IF NOT EXISTS "idx_point_entri_created_443ed8" ON "point_entries" ("created_at");
CREATE TABLE IF NOT EXISTS "points_budgets" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "year" INT NOT NULL UNIQUE,
    "budget_points" BIGINT NOT NULL,
    "warn_ratio_bp" INT NOT NULL DEFAULT 8000,
    "mode" VARCHAR(8) NOT NULL DEFAULT 'refuse'
) /* Annual points budget (a debt ceiling). mode: refuse | flag. */;
CREATE TABLE IF NOT EXISTS "spend_allocations" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "entry_id" BIGINT NOT NULL,
    "bucket_id" BIGINT NOT NULL,
    "amount" INT NOT NULL
) /* Which buckets a spend drew from, so a reversal restores exactly those buckets (original expiry). */;
CREATE INDEX IF NOT EXISTS "idx_spend_alloc_entry_i_df32d2" ON "spend_allocations" ("entry_id");
CREATE TABLE IF NOT EXISTS "staff_users" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "name" VARCHAR(64) NOT NULL,
    "role" VARCHAR(16) NOT NULL,
    "wecom_userid" VARCHAR(64) UNIQUE,
    "active" INT NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP NOT NULL
) /* Store guides, marketers and admins: identities for WeCom staff and the console. */;
CREATE TABLE IF NOT EXISTS "tiers" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "level" INT NOT NULL UNIQUE,
    "name" VARCHAR(32) NOT NULL,
    "growth_threshold" INT NOT NULL,
    "multiplier_bp" INT NOT NULL DEFAULT 10000
) /* Membership level reached by growth value (never spent); earns with its multiplier. */;
CREATE TABLE IF NOT EXISTS "tier_changes" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "member_id" BIGINT NOT NULL,
    "from_level" INT NOT NULL,
    "to_level" INT NOT NULL,
    "reason" VARCHAR(32) NOT NULL,
    "created_at" TIMESTAMP NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_tier_change_member__463c6e" ON "tier_changes" ("member_id");
CREATE TABLE IF NOT EXISTS "aerich" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "version" VARCHAR(255) NOT NULL,
    "app" VARCHAR(100) NOT NULL,
    "content" JSON NOT NULL
);"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        """


MODELS_STATE = (
    "eJztXW1T2zoW/iuafCmdCWwIL6Xc2Q+kl93LToFOS7e7t3PHVWwl0WBLubJMyNztf19Jtu"
    "P3YIUkOEb9UEDSsZJHx9Kjo3OO/up41EGuf3Axg8z5QAPCEeucg786BHpI/FJa3wUdOJ0m"
    "tbKAw6GrBKBsadlhU1UFhz5n0OaidgRdH4kiB/k2w1OOKZEynxADHvKG4scjYIGLxI8pYp"
    "g6YO+Nc/5f8W//+nr/11/fgC8TSMYTiIED511AGXjj4hF68xYEPhyLR49EkQ2n/oHs2aG2"
    "6BqT8SY7CQj+M0AWp2PEJwq97987YUcWdmQL2Vn0a9hh548/xO+YOOgR+VJA/jm9t0YYuU"
    "4G/lBKlVt8PlVlAzy+Ivwfqq38kkOBtht4JGk/nfMJJQsBTLgsHSOCGORI9sBZIMeBBK4b"
    "DVw8NOHXSZqEnzIl46ARDFw5mlI6/ABJWceybm7vrC+Xd5bVKYx0LJEal6jIpkRqifiovg"
    "JgLD/C/vt+/+joXb93dHp2cvzu3clZ70y0VZ+3WPXuZ/hhErTCRynMrv55dXMnPxAVqhhq"
    "qiz4qWQgh6GUGoyU8qdHsf4gZMSeHosY+WWDERcko5G8Si0bjgT+1HtTH/z0y2agXxX6aJ"
    "4qIP9hAlk57olEDnbxZXYRdg8+Wi4iYz4Rfx6eLkH03xefP/x28Xnv8PRtFtabqKavqrIA"
    "qwWyiG+lWi/ab0+pe3loe8/W4v7h8bvjs6PT44XyLkqW6WyJflL15Pr4JQKvF0DJMkb3qZ"
    "VOFgyhfa8oW6GG9mlV22KV1/fyJZAIsuRE30h+uIhLfoDeFOIxKeOZi7qlHNOOWtWkl9ch"
    "6xNkDvwtpoAeJXwCPDEueOpiwVTB3hD62AehoohX/qTX64G/g8ODk8e3B+D2ATFXUD5Bgy"
    "YITPB4gnwOZpiUMM0t9FdCOg2lbM5CWk0p1U+NZTVu38JF9fS4xqJ6ely5qMqq7KqQvF7W"
    "cKqxOBTk2sQc17bmMmQHjCFiaylwVqqFanzYr8MN+9XcsJ9XY59Dxn0LlvDDXwVKHHuoHO"
    "uMYA5qJ5I8iH+pAXw0PTcF9yU4311dX365u7j+JB/v+f6frkLr4u5S1vRV6TxXupfn64uH"
    "gG9Xd78B+Sf4/fbmUqFJfT5mqsek3d3vHfmZYMCpRejMgk4ak7g4LsqMMSLOKiOcEjPj2+"
    "TxFeTPoiNL0T6NlSgvttJC1LBhXfc6pIupAXMJmDOE7oXSacCZkjCAFgFFD6jUMvGvL7c3"
    "FXP6QiI/pWObg/8BF/s7iOsS0CQUmXk8JkN71xf/yfOkDx9vB/kJWj5gkMOdS/buCixdLf"
    "BzYmYEVh8BaHP8ULI3GFDqIkjK8U+EctAPhdSm9gax2SEN+sIUsW6sB7e3HzNYD65yVoOb"
    "r9eDS7FHUMCLRphXWOVthiQSK/DGrOQaqGPj9mTiCzq3xJ1HQ7kjXDLSugKVbIqpdoLse1"
    "xuqY2quksNtWGjenba6rF++ohdEhJzqL4TFlBzqP6iJ7ulZF8uHpUb0qdWjB2EfgmKcsYv"
    "2OPE4nKvsUVKBNqkqOvbwMN7FJTY55cSxURoi0RxUZJGVXf1MlSxWeq8I9Sw0szYEG54CR"
    "kRMH8O1Lcu8MN09VKOiMKGlnTcqnmgfzuV+kbZvhjZER4HDDnnYEJnQHzYeXSiDiAByrIC"
    "ZAd+F8wwnyivzS6YIuKILmP3T0gc8ABd7GA+L57mb7ozc5TfaOZUTWRtocs6J6Fx+/Wcgb"
    "7sAGROQI/PapyAHp9VnoDKquzqZbwkNugloSYqHXQXApuCt02qGy4I4nnyq9XfMuTFXq+X"
    "YgmYYum05gEk+nimJQ2ksmTM6IxPtPUzL2bATKGygn6WSBpIZQklNlKwhAY/TStBibQxF9"
    "QwFzgQu/Mwas8S2xYNRS6RNG4BVQBHq9IqCGdFDcRFiDnl0F0N4jJRA3FZWJiyZVgOnGsF"
    "3+TEzEonS2IrkM5WLC2zvc2udDuVbokEPXJrjiDrFPS1tMU6dmj9OvvffvX+t1/Y/8YY6m"
    "pxQc7MEEWlDo++rCElgY+0PLGKksYZa3VnLKo+odYApEQM8sYNrrmbFRMf086DTRMf83rG"
    "1/gnVFOydrmypkc9mDorjnpW0ox6U0a95GVXn74pTiqPU8zmn5EnR7U0s1muRXepq4pqa7"
    "GocV1vFYIAozPpAAKGgX2PuExAFj0DCE4yRucAEx8xLv1EMAfYV1kfIKcetoHtQux1gU8B"
    "gvZEVvrS00Sauku8VTbcWakrdthR5Jur+gj3yMYjeyccWTLDV38QMmJtcnTdske2cYh/Uf"
    "hT81UB/yUe3mmhNqG/Nksg9DRTnCUCBs9yPeVBiY5WHxYkEi30izvs1Um70qtOu9Ir+MUx"
    "Rkv8DZb4xcUCK8HbMONC7tTl5KTOscvJSfW5i6wzMQmvxLTTkO1emHmvU7LNu174A1Vv70"
    "JGVXNXdwHkEAYeYl1wj+bIAcM5ENssvD9ldMygB+gUEewcgAF0odg++QAyBBxEKPOgi30h"
    "MWLUU5svFzlj+SBffGgxMUDiywMBSor7u+11a+ISGk1gq7dzoQLoLGSJROtiE9bvPi++Jd"
    "XENyWyIarQJoCnAiCt6I+FQPt42FGd5IJH1ckFjwrJBRVYob8m03I9Kgi2D+06wSDVsSDF"
    "KCZs32tHMqVk2gfw+icLTB4wl2qpF4uXE2vdsrf+hPUhYo41nGtbKguiLXKc27KxchiSeg"
    "2rWkrCuN2qdSx0RtaAMCVhIJQlYfCSBoKJgAFQliRZBzVAzAoZIGVJlGDM0k7RUxQ0gMoS"
    "F/rcisHRzBVVJvvMxFENW/T18kYZe3e12u6mt5PxcXuNo95wH7fbgA/p4zXy5eWUnZKzj2"
    "yD7rIjEKqaWl7YdgN5O3NHCN9Th9Qqdgxyjryp/Bl6j5nzhcadL4jVXcv6HbdvoRPC+oMT"
    "HeQEU2TdIy3bbFaqfdasfh3LrGi15JKdgnX2xdzuGsZpX+iCUTh3KSzBvjo+MSXyrPjEpk"
    "0p2w5Q3A1HsrTVLYt6uqKZnmQRidFxKE2LGEuELMnTwQKWyzdTJeIt3FHt7g6quHFW5iNt"
    "J8ysVPuOTI0npnmjVn2jjCmqtcPcENvTJ5kya6ACwTollqd0dXeZ3Uml3rLCiLKaDrgywT"
    "hy4gTcKuE2nyDMAJ0REEZq/gJ8SRZ94DA4Az6lBPl8X9XJ4McRZj4/AD8cNOQ/wISKLyzj"
    "H2f7EhsfDJFLZ6BX9MHdas91bGiZPakk66gj2nyPfu1GgatIZUbIVjDkIuijRQWSzl3yQc"
    "b41kzjmwkWfFGzxeL90EI/LWVMRs8I1ORaTn4LgRZantfsqooJ5hjqeKOkJNo0n6zNfMGQ"
    "J56t52iWkTGols2/isiIfYlucHFR0FjZElxWSrWVkTTZtpq2Q8xORguarznKWUkzyk0e5f"
    "CNtFhQchHBkij2jFT7DKjHdY53jquPd44LxzvGetra16lJZrVLFWhXZVW7jMPwnjKqyc0n"
    "rnuz3pXnBUo+ig0HLiboAPzADvKke8kPmREsVDaVYiy0K5yraHJKEJDtppQjYs9FnT2BBP"
    "seGFEWWcuKxrSt9Pj0BdJxd4WcZYV2kQWNBsyOzGypt9qYzYzZrNET9MuYbqBtl+/XqmlJ"
    "SmSLTifwAeLwCQX8s1UNdTwxObc669wdG1fXTebb2u49lM3epKz9HsqIoGjAm0i0D9/3de"
    "Lh31fHw78vxMPL66q1+URKyJwDrUomFlRdQ7fTMm2cnDfhIB9lDrDgiJfdw/hUxoFEzlAL"
    "E0O/gRh6ocUl61t1/MBCwNxutHrwgLF9rjIUxvapafv0B4EzXuJTGNd3n7R/+tZQNa2b1p"
    "OQALqxb18oCvYgkJ56wEbYFRrw9gDI3s4BQ6PAR2LuGLlwXJKr83nPMgk4G01Iq42N8f2X"
    "NRf2uPl6lvUm4L+2NT58Z6KLefVUuiDaJha65R2XmNSJJVDC1BrqXKtckNveGJz1egXyGp"
    "c1Q7c9zZSF3lpzFdayhodrUtEUnipviC9jQ7jLF+n0f+G61IYRJAX6km+ylMGoIAILLlrX"
    "JDHfJtieRNc/+QCGsQjAYWimcn+r652gYBwPiPmCoAjeyKn4D6BH8Vh3DoSCCSoSy+9Rhs"
    "eYiIZhbMPbItPZRoeGDjV6taimQy/kM19jymvrWJirvRoCvzmPfT5nasrSzuFo9NUvv10k"
    "qVy+nMtmlqBOdS8Z+SKXSTAOsCjvAg8y8VYKYQDF6godDxP/XDpAEY45Fsup9Hr6hj5QD6"
    "ieVDPpJyVHhbolt0Vu4PlmmW703FS9TGtnqn9OlvrGTVQbTlPPqKsFbty+heCuPzX9DNnU"
    "U9Oq3rUsebm1uD00KG3a+tVYXg/1UKLIAyr0FZIqT75YKAfwUEhtSp1j1NMgL0Zi3cc7g9"
    "vbj5mTncFVbvq9+Xo9uBRqrbAWjTCvYIzmfK1auXcze2xVzuCG8No7XE5pVflSNivz0dfk"
    "seHte/4ET4FKYA+YvF08vLwu9GsAD9ANENgj0kak7Ef87S8AQUaiDBuY+8AT+oSnrui3SG"
    "U304VhszvKZnUvV1jzvQpNGIH1ZeIzO4PN3ccWzk0Wn4jVRCYC0tDZMlFjNio7altM6nrn"
    "lwW57aF72Cs5wFwUvnprnGQnYgIi5QnvU7VPMhjLVg03n+reEIVGEoUmRwa2dTQS9OXpsP"
    "ZFWFkhs+KVOUdT/evFqMH0iYxO0KdaqTUSCUOFa1BhY/uqhH5HbF1N9y2/QAzbkzLKGNUs"
    "pYswadMYovhaWOIzZ/Fq/idd0rDetJ4SaeG8vpGE8/Kl0kA4at5CdMUWvlYc/bJA+mJCKk"
    "p4aSx9dTBcSsRcpqMZD/eii9nP/wN3WUVD"
)
