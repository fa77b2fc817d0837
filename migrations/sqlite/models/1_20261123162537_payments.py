from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "coupons" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "code" VARCHAR(24) NOT NULL UNIQUE,
    "issue_key" VARCHAR(128) NOT NULL UNIQUE,
    "template_id" BIGINT NOT NULL,
    "member_id" BIGINT NOT NULL,
    "payment_id" BIGINT,
    "rule_id" BIGINT,
    "name" VARCHAR(64) NOT NULL,
    "kind" VARCHAR(16) NOT NULL,
    "amount_off_fen" INT,
    "percent_off_bp" INT,
    "max_discount_fen" INT,
    "min_spend_fen" INT NOT NULL DEFAULT 0,
    "valid_from" TIMESTAMP NOT NULL,
    "valid_until" TIMESTAMP NOT NULL,
    "state" VARCHAR(10) NOT NULL DEFAULT 'issued',
    "issued_at" TIMESTAMP NOT NULL,
    "used_at" TIMESTAMP,
    "used_by_staff_id" BIGINT,
    "used_order_no" VARCHAR(64),
    "used_order_fen" INT,
    "discount_fen" INT,
    "revoked_at" TIMESTAMP,
    "revoke_reason" VARCHAR(64),
    "wxpay_stock_id" VARCHAR(64),
    "wxpay_out_request_no" VARCHAR(128),
    "wxpay_coupon_id" VARCHAR(64),
    "wxpay_status" VARCHAR(10),
    "wxpay_error" VARCHAR(255)
) /* One coupon a member holds. issue_key (payment x rule x template x n) makes issuing idempotent. */;
CREATE INDEX IF NOT EXISTS "idx_coupons_templat_6289ac" ON "coupons" ("template_id");
CREATE INDEX IF NOT EXISTS "idx_coupons_payment_d50515" ON "coupons" ("payment_id");
CREATE INDEX IF NOT EXISTS "idx_coupons_member__34ee66" ON "coupons" ("member_id", "state");
        CREATE TABLE IF NOT EXISTS "coupon_packages" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "name" VARCHAR(64) NOT NULL,
    "items" JSON NOT NULL,
    "active" INT NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL
) /* Several templates issued together: items = [{template_id, quantity}]. */;
        CREATE TABLE IF NOT EXISTS "coupon_rules" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "name" VARCHAR(64) NOT NULL,
    "package_id" BIGINT NOT NULL,
    "min_paid_fen" INT NOT NULL DEFAULT 0,
    "first_purchase_only" INT NOT NULL DEFAULT 0,
    "tier_levels" JSON,
    "starts_at" TIMESTAMP,
    "ends_at" TIMESTAMP,
    "active" INT NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL
) /* When a payment earns a package: minimum paid, first purchase only, tiers, campaign window. */;
        CREATE TABLE IF NOT EXISTS "coupon_templates" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "name" VARCHAR(64) NOT NULL,
    "description" VARCHAR(255),
    "kind" VARCHAR(16) NOT NULL,
    "amount_off_fen" INT,
    "percent_off_bp" INT,
    "max_discount_fen" INT,
    "min_spend_fen" INT NOT NULL DEFAULT 0,
    "validity" VARCHAR(8) NOT NULL,
    "valid_from" TIMESTAMP,
    "valid_until" TIMESTAMP,
    "valid_days" INT,
    "stock_total" INT,
    "issued_count" INT NOT NULL DEFAULT 0,
    "stock_id" VARCHAR(64),
    "stock_creator_mchid" VARCHAR(32),
    "active" INT NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL
) /* What a coupon is worth, how long it is valid and how many may be issued. */;
        CREATE TABLE IF NOT EXISTS "payments" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "transaction_id" VARCHAR(32) NOT NULL UNIQUE,
    "out_trade_no" VARCHAR(64) NOT NULL,
    "mchid" VARCHAR(32) NOT NULL,
    "appid" VARCHAR(32) NOT NULL,
    "openid" VARCHAR(128) NOT NULL,
    "member_id" BIGINT,
    "trade_type" VARCHAR(16) NOT NULL DEFAULT '',
    "total_fen" INT NOT NULL,
    "payer_total_fen" INT NOT NULL,
    "currency" VARCHAR(8) NOT NULL DEFAULT 'CNY',
    "success_time" TIMESTAMP NOT NULL,
    "attach" VARCHAR(255),
    "tier_level" INT,
    "refunded_fen" INT NOT NULL DEFAULT 0,
    "credited_at" TIMESTAMP,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL
) /* A successful payment (TRANSACTION.SUCCESS), linked to a member by the payer openid. */;
CREATE INDEX IF NOT EXISTS "idx_payments_out_tra_a7d7c3" ON "payments" ("out_trade_no");
CREATE INDEX IF NOT EXISTS "idx_payments_openid_4033a8" ON "payments" ("openid");
CREATE INDEX IF NOT EXISTS "idx_payments_member__6d3c56" ON "payments" ("member_id");
CREATE INDEX IF NOT EXISTS "idx_payments_member__3b788b" ON "payments" ("member_id", "credited_at");
        CREATE TABLE IF NOT EXISTS "payment_refunds" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "refund_id" VARCHAR(64) NOT NULL UNIQUE,
    "out_refund_no" VARCHAR(64) NOT NULL UNIQUE,
    "transaction_id" VARCHAR(32) NOT NULL,
    "out_trade_no" VARCHAR(64) NOT NULL,
    "refund_fen" INT NOT NULL,
    "payer_refund_fen" INT NOT NULL,
    "total_fen" INT NOT NULL,
    "payer_total_fen" INT NOT NULL,
    "success_time" TIMESTAMP,
    "planned" INT NOT NULL DEFAULT 0,
    "points" INT,
    "growth" INT,
    "applied_at" TIMESTAMP,
    "created_at" TIMESTAMP NOT NULL
) /* A successful refund (REFUND.SUCCESS), possibly recorded before its payment. */;
CREATE INDEX IF NOT EXISTS "idx_payment_ref_transac_4cfb3a" ON "payment_refunds" ("transaction_id");
        CREATE TABLE IF NOT EXISTS "wechatpay_notifications" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "notification_id" VARCHAR(64) NOT NULL UNIQUE,
    "event_type" VARCHAR(40) NOT NULL,
    "resource_type" VARCHAR(40) NOT NULL DEFAULT '',
    "ref" VARCHAR(64),
    "resource" JSON,
    "status" VARCHAR(12) NOT NULL DEFAULT 'received',
    "deliveries" INT NOT NULL DEFAULT 1,
    "last_error" VARCHAR(255),
    "created_at" TIMESTAMP NOT NULL,
    "processed_at" TIMESTAMP
) /* Every verified notification, once per notification id (status: received, processed, ignored). */;
CREATE INDEX IF NOT EXISTS "idx_wechatpay_n_ref_adea91" ON "wechatpay_notifications" ("ref");"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "coupon_rules";
        DROP TABLE IF EXISTS "wechatpay_notifications";
        DROP TABLE IF EXISTS "coupon_packages";
        DROP TABLE IF EXISTS "coupons";
        DROP TABLE IF EXISTS "payment_refunds";
        DROP TABLE IF EXISTS "payments";
        DROP TABLE IF EXISTS "coupon_templates";"""


MODELS_STATE = (
    "eJztXV1z2ziy/SsovYxTpXgdxU4y3toH2+O9m621nYo9m7ubSnEgEpJQJgkOCFpWzZ3/fg"
    "GQlPgB0oQsyRCNPMQ2iENKp0F0o7vR+GMQEA/58eHZHFLvgiQhQ3RwCv4YhDBA/Bfl9SEY"
    "wChaXRUNDI59CYCip+OmXeUlOI4ZhS7jVyfQjxFv8lDsUhwxTEKB+YIoCFAw5j8eAU18xH"
    "9EiGLigYOfvNP/8H9vr67e/vLLT+B2BsPpDGLgwcUQEAp+8vEE/fQGJDGc8ltPeJMLo/hQ"
    "PNkjLn80DqfbfEgS4t8T5DAyRWwm2fv+fZA+yMGe6CEelv2aPnDw4wf/HYceekSxAIg/o3"
    "tngpHvlehPUbLdYYtItp3j6eeQ/V32FV9yzNn2kyBc9Y8WbEbCJQCHTLROUYgoZEg8gdFE"
    "yCFMfD8TXC6a9OusuqSfsoDx0AQmvpCmQKcfYNU2cJzrmzvn9vLOcQY1SeeIglyyJpeEYp"
    "TwjxpLAqbiI7z9eTR6//7j6Oj9h08nxx8/nnw6+sT7ys9bv/Txz/TDrNhKbyU5+/w/n6/v"
    "xAcifCimI1U0/CkxkMEUJYVRGPxFKXYXQgn2tCxy5tuEkTespLF6lXomjhX9hfemO/nFl8"
    "1Svy712TxVY/5iBqma9xWiQjv/MvtIewAfHR+FUzbjf7770MLov8++Xvzj7OvBuw9vyrRe"
    "Z1dG8lKZYKkg6/w2Dutl/90N6qMqtUfPHsWjd8cfjz+9/3C8HLzLlrYxqxifRN65O38rwO"
    "slUFgZk/uCphMNY+jeS5OtdoWMSFPf+qVgFFRbYMiNJS/7RuLDZbbkBQwiiKehys5cXmu1"
    "Md2sV0fz8iq1+rgxB/6Sm4ABCdkMBFwuOPIxt1TBwRjGOAbpQOGv/MnR0RH4G3h3ePL45h"
    "DcPCDqc5OPm0EzBGZ4OkMxA3McKizNHTxPYXRak9IcRdpsUsqfGmo1799DpfrhuINS/XDc"
    "qFTFpbJWWL1ezjjSUA41XJ8sx43pXIrchFIUuloDuIzq4TB+N+piG46abcNRdRjHDFIWO1"
    "BhH/7CWWI4QGquS8AK1V6GPMx/6UB8Nj2bwnsLz3efry5v786uvojbB3H8uy/ZOru7FFdG"
    "snVRaT2o2uvLm4Bvn+/+AcSf4L8315eSTRKzKZVPXPW7++9AfCaYMOKEZO5Ar8hJ3pw3lW"
    "SMQm8dCRdgVr4my5cbfw6ZONLs09BEVdhaisgwsW5aD+lyaslsIXOO0D0fdBp0FhCW0Dqh"
    "6AEpPRP/vL25bpjTl4jqlI5dBv4P+DjeQ15bSBNUlObx3Bg6uDr736qddPGvm/PqBC1ucF"
    "7hnQnr3edc+lrkV2BWAutLALoMPyjWBueE+AiGav5XoAr1Y47a1togdzsUSV+6IjbN9fnN"
    "zb9KXJ9/rngNrn+9Or/kawRJPO+EWYNX3qVIMLGG3VhGbsB0NG5Nxr+gdxP6i0yUe2JLZq"
    "OuZkqa4qqdIfceqz212aVhq6M27dTNT9ss66dD7MIgsUH1vfCA2qD6i0Z2lca+UB6NC9Kn"
    "NMYeUt/Copjxa/44rlzuNZZIK0CfBurmFvDwHiUK/3yrobgC7dBQXLYUWdXVXtZUNGs474"
    "lp2OhmNMU2JElE1KZheqXdMpR9Ogbwb0IEUgCAeUB9RviHPAQ4jrlleI8W4CCCiwCFbJXd"
    "yVAQ+Xxc8l/DN0BMILHszwcHwB6/SBjvX4/fb/9xT4fvK/ZtzISi/WFNWiNNWpePb52YaN"
    "5/M9HQlxVAKRY66hLSHzWH9Ee1kP7yhdPhtwTqHcnvRp86RZw/tYScP1V5zicv7XVZBbgt"
    "g7evk4pdFxtCf6bOtfkv47YUEev/6H+RXH/DAjYvw7zNSNxiRuI9/1465Ob9e0ju5vdQwE"
    "BsinDIZOJMUKjhn6sDezR9bG6PBaIuymjSSqetAy29Ki/oo+PhWG7s0Ry/KqilWEExDp04"
    "QqGny28V93r3DBXpfIA+5pRQEuj6lMtI61M2zqdcFzOfWrC/npyXUCtoowWdOpU1rNMlYH"
    "fmaerLyz+Kun0j1ulRF+v0qNk6PVJ6LtcJwJWA9hUy+hVK4rVEXIDZbRzGy3e8cPjMxxcz"
    "uv4pFbpHdvqOHVWSTUI9RLm4dNRWDbiW+jJNBlv2XBVI01s81YE9GvIbW0utufK3q/4u+5"
    "QfyP1aarmMtJrZZM2cysqhCMZE8Qa1bUivAK02eFobzB8jKOwY4t4rraBmuutIy3dXvknC"
    "+DjlXzhmmiZPE75/3G8lGyalL80BXGu8l6D9I317EwxkiWL/5tPTS47rH9eb90ylnCFKCd"
    "WnegnrH9Ojk5Mu6YsnJ835i+KaOYXW5CT0hd8LShO7IVE77zB8Ol/bidK+HfO2b9EDHwz+"
    "MjM6zYdGHsgTn08B5tdi8Dfw/Y9CIuEQ/J7AkGG2+PNHPT17Y3e1RdSM9vzYImovoonlu1"
    "Nnt7mEwhLwrOIJptFsqyfY6gmvZktcz6onlPzYkbem1MtIK3VTpK5wD8pPb5TV/TXxW0xu"
    "ebWLvS0y3Dsa299mSOxXzLclIkjDWP4tLfZTEOAQB0nAG4QpPME0ZiBKqDuDMQKEj4IhEM"
    "WQ4iHIyyuLcsMemdct8O0+yprl1izfw8l0y2Z59nKtsT+piLMbxNbfn4eF+wOvk0tchNlU"
    "YtEidYKT6wRH6ATNpU/DHWxxkA4rIVsr8aVX+7bEd/8zFGyJ737L13rsrMfO+m70XizrsX"
    "uNUt8Lj91dFikeNHrtlj2GHTx3y+h0V+8dZADmZcdwDOaEstkQzMgc+ERUEGOiVW6wAzD0"
    "5AX+jRb8vwUYoywGrvLVbe7G1jNntK/CeuZexDNX/FgaHFdgNp2qMZ3KFlSxBVX6sDHFFl"
    "SxBVX2nGJbUGXjBVUw06ptWsT0UKl12czRvJWjtpHDoJI1hk0N++s6qHuMjKpYY+W8ZTl7"
    "cKEIWzbqnjLIavW6Gko3ZzLCoOL1aTnkpISyxNaJzSr5SLNSg9kqzBpLq/GmtxnTbjvWc2"
    "WlfMngGaFO4M7WobsG7x/z77uc+f6++cz397Uz320w2QaTbVhRz2a0weTXKHXDg8mXkIac"
    "9ab9H8XLw7YwMko76uwAuYnE8CP0LRf0BE8TirzTVTg3IkLwAIZAHjie7toYgjlmM+DCiP"
    "8qHHTisCp+G0zSYHDubVIckrXlh9lY857Gmu1hWJmReNzFl3nc7Mw8rnkzbRh/i2sfOVHp"
    "sLsEbIvePg3dVCHw+z0ixezcHPmswKwrpMAKV53OIoE6gTgF0lIqWqaUzNlMe3xWYZbMAi"
    "trjE8F0lIqWkjoIklLet6fpqNIgbYb5Tr4jDyI/UXqiHf4skVjICuQNkLSRHCmldZhuAy1"
    "FCs2e4oI3XoUq6CWYlVin/Rl6EamqzCr6UTL/iRFia2aDpk4IXpkzgJBOqiNV2UPM0/azj"
    "lcK7+iiLMzhCp4TRG8d8YkTGKktem+jrT77tffd0/kJ9QSQAFimbf1Dc1drNiaEv3PgLQ1"
    "JfotX5uk0myS7We6gk1SeY1SNz1J5THCdPEVBUKqdKDKUyn3GLamqsi+Ds06d81WCRGgZC"
    "4SQMA4ce8RA48gvwfgNomoJIrDGFGGl2UK2AwByEiAXeD6EAdDEBOAoDsTF2ORaSJc3Yps"
    "lS0/TJGt8n2QPihLP5bPSNfIP2wiyz4kspTE110IJZitt6kpjsJEJENV2vSXYJb+tekvzF"
    "c1/lv2BBVBfWJ/Y57AtFSCBqcrgOVTPU41jwx75mFhxhG65dPCtM8JsyeE6ZW0sWv+Rvb3"
    "d7WXLvINWe5dpVk/imXe1TIfqHl5l1pUHVd1Z0CIMAkQHYJ7tEAeGC/keRBvI0qmFAaARC"
    "jE3iE4hz7ky6cYQIqAh0JCA+jjmCNE0QW5+PKRNxU3ivmH5hMDDGMRECBhfX23u8fafQlG"
    "G7DNy7l0AOgoshWid3sTNp8+z78l0eS3ANmSqdAngiNOkNbujyWgf3bY5vdfS7LSfE2qlX"
    "pUA/aP7Q3XZAqxe6+9k6mA6R/BWzjEM3zATAxLvb14FVjv1N7mS2amjHnOeKHtqaxBe5Q4"
    "t2Nn5Tg16jW8agWETbuVeixNRtagsICwFIqWdPOSBoMrgCVQtKwOmNIgsQyyRIoWd4bce1"
    "FzVSYPa5BZB1pCRYsPY+bk5HhQsUIQnlo1pypsm692/5R+C5XC9Wr93T3PdrI5bq9R6obn"
    "uN0kbEwer1AcQ6kMarGPcodhWwiEyK5OkPbtFgppFv/TIYTvhSC13DsGmThPSPxMs8dsfM"
    "G4+II9mWSLmxM95CURcu6Rlm+2jOqfN2vUxTPLezX7s0Y17+yLpd0ZZtO+jCMrggufQAX3"
    "zfsTC5Bn7U80bUrZ9QbF/UgkK3rdyqwXL5iZSZYZMToJpUWI9USIlqo5WOOyfTGlgPdwRb"
    "W/K6j6wlm6j7STMMuo/oVMbSamfaPWfaOsK6q3YjbE9/QFLgJRHFbhdcovDdv8TVHaqXPO"
    "bZy4LorjSeKDDAoO7r6eXd+eXdx9vrk+vP314uLy9vbNkC8GwnvkAUYABOmaTWTKiqxXDu"
    "R/ZGmyg8po2dYzurjCSktLPtF6OHsFrSfMTE9YIWVa87yeOrJ3TpvNpy6ShDn8cR7iM6EO"
    "2VVc/8pYbz6vTvtIpOcdgmSaebD1U5CiSI/eJcDS22WmePEtECbNDq/Nfd5XQ6RkeHBtJn"
    "nTMzoKqB26cus+3M2N7Y0nOqe1gPWO/S5h7O51dbyHv/brcKtAWoZVqZAJpSh0teLGRcwO"
    "54OL6//Up4S80cCNPJlHwMl9XTqetCrW+tKM86VVQnfQVaS2t1jmS4QNPnQKPrxU8rtpTG"
    "94/qdokvBv4mmq1yrMBp8Hp2Xvq+aEX4HaMrQmT/c2EPoqxGwDob0Vs1mB0K9Smw6aw6FZ"
    "h2GHoKiTquZ1YqMpEhx8vfz7r9e/FCKWnPEYj/0F7+ES6onyQWhCKAKYxXm084mY6PPvbS"
    "sLGe1mbI53pqLXDHWWQL2Lcm4+8iailRln+mHOEtCS/STZ5kXwTQocvb4Q/gv6WjY/uLPJ"
    "YB1/gPW0D56KZazFrgpqOW48zNNG4WwUbr8YNixUZF2HW/MpRT4MQ6Raj7Yd9FdA2YPJO5"
    "z1l57JrDNRLQE2SPTylbt6TieMIh+v5VcuI+1Mb/JMb4NEvRWzKdEDobTO5XlaA1XsoHB5"
    "2Bo5EB2d9GCujnGDS0i5PQJStQnmmM3EBiZMAZmHID3w7q8gFnvuY+BROAcxISGK2Vt5TZ"
    "whN8E0ZofgNw+N2W9gRvgXFsfIzd8KbmIwRj6Zg6N6VGGnT9befyVqHqAB7/M9+3WYnf+H"
    "5AGz5QsUcYsvRssLSNTIFjeyO7fMjGTYM9deNH99+X5osV9E9cga3f15d0xr28AS0EOn+4"
    "YThXGIGYY6eY0FRJ/mkw1mNQb83nr1uksYy6pq/pWGDF+X6J7RWAfafNEVL/EaS8Qy0joC"
    "TFshliejpZmvKeUy0krZZCmnb6RDE0V8rOUw0BKqf1tBjrtUyTturpJ3XKuSZ91qvX2dTH"
    "KrXcrzypq8apf5aWZPOdXE4hN3rIg9+BwEicRnR2yKSkHoEPyGPRSIKr2/ARyDdLCBiF9O"
    "/QqnsnQQCREQ/SLCxNZMfs2dwRDHAZgQmnnL6s60nTxR4USreM3yx6WOr2bvmnCNSQ8aSa"
    "ibudkKb7V1m1m3mdET9Mu4bqDrqtdrLbtTV5AdbvCGDxCnd6jxX75kaP1e3WXxSyyH98jd"
    "YE8M2OJgRQ9Ib0pYAnq4SOnizz1uduge10s/pAaKBr0rRP/4/blLtZ2fm6vt/FyrtkMTH2"
    "nbEwWQjQOta0wsTXWNsV3E9HFy3kahtOwAVgdOGFJUNm8c5DWcNS0MSGjsXeRCeDIU+q35"
    "GJYl4FmHsBg2BbdQtpUzWKzvcx1RWN+npu8zPk+8aUtOYX59+KT/M3bGsmvXagRhmEA/z+"
    "1LoeAAApGpB1yEfT4C3hwC8bRTWVEgRnzumPhwqqg+8Lx72WoDRhukzc7GBYI69lLefTNq"
    "3QT+N6bj03fGadpL0zaka9A+WaE7XnHxST10OEuYOONIY2TXcLuTwaejo5rxmreZMbbFtK"
    "+zhM3779Abnuqkuiu80G5ILqMhtsutSPo/833iwoySmvlS7dJqwchNBA5c9u5oxHybYXcG"
    "st0UAKZ7EYBH0RxMKAmGIBYHv1D0gGgMRWGkmBH+H0CP/La+OAiGcFMkxx8Qiqc45B3TvQ"
    "1v6pbOLh5ozSGjtUWzOfRCOfMdpry+yqJoQIlXSpv8EswaTuvHvW089tk2kymqncHJ5NdY"
    "Kp66Ul9ebFfnopvDTSfaUZHfCjUJpgnm7UMQQMrfSg4GkGtX6AU4jE9FAlTIMMNcnYqsp2"
    "/oggRAPkl2E3lSQirER3W9vYX7WzVt9NzUrKblT431SN6/h+G0LVQ0I74WuXn/HpK7+YNv"
    "5sglgZxW9SohVnEbSXvoddVJUTbyQTGQWysHrUA7LByUs14keSkJg8sG2fha8+DmX9C7Cf"
    "1FJso9ibdlo87UcNsdVpu0sr3VmhUnm3S0Y69kHnU8wxGQR6EALkp3JgptL0Ca1wAeoJ8g"
    "cBAKH5H0H7E3fwUI0jCrsCFqcQd8PGFRfojWTdntPMJas3tqzeoe0/O8E3qMlMDGIhV2Zb"
    "DFwtLp3OSwGdcmohCQxphVQa3bSBVqW07qevHLGm537L47UgQwl42v3hsnrBM+AYXyGylt"
    "l+zqkxaM48qO3QyZZqqtobCnhoLJOwP7Ko0V+yI6rH2kYhlkNZ6yCr3+QZXEcvpERScYE6"
    "3SGiuENYU7mMLW99VI/Z74ukzPLf+G+MvKvsDFNWF4gpuztNQdW43JuSg+wSK44F98hela"
    "zPYB0QXg/3Eg8kDxDkNAQjetfVFsBtgDB6LCYRKL5HEX4QfkDUFEiTiKQfyKpyGhyFOka2"
    "39adYaNtr+agkCF2Suea6YAmrPcXsyoib3tKcMaXBdRvXQuNh80S6uwOT+dm2ua8AdJmAP"
    "amQbzfBEj9fJxoLuL7x03vpxeE3FHJo3uxYxdr/r+vtdU5tHZ1yvEDvdqZGaZPUJo3RlM7"
    "UGOpUaaKk0UB3f3JTGwhhFOscllUE7dMxXGX73bJtvYx4KH8bMQZQSxfbD5gFbRvWv9svo"
    "5KTDiOW9GoesvGZ9Fa/EV1E6xS1f4K4h6CrWFk82TdKGeKXOuBpzZwOFGyq7MmzzO8FVH2"
    "PCl6/FW/NMzd3shxEbJbFesKEA6aFDYCtKXLxUGgxn3XvI7rujbtUd28o71sukk5ApKzw2"
    "r1oLkGctWk1jexer1hdVZn/+P4JCQoQ="
)
