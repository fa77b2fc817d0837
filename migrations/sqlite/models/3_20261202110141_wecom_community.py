from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "community_interactions" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "source_id" BIGINT NOT NULL,
    "ref" VARCHAR(128) NOT NULL,
    "kind" VARCHAR(32) NOT NULL,
    "external_userid" VARCHAR(64),
    "member_id" BIGINT,
    "group_id" VARCHAR(64),
    "status" VARCHAR(12) NOT NULL,
    "result" JSON,
    "occurred_at" TIMESTAMP NOT NULL,
    CONSTRAINT "uid_community_i_source__7ce225" UNIQUE ("source_id", "ref")
) /* One interaction reported by a source, unique per (source, ref). status: awarded | capped | none | */;
CREATE INDEX IF NOT EXISTS "idx_community_i_externa_e98572" ON "community_interactions" ("external_userid");
CREATE INDEX IF NOT EXISTS "idx_community_i_member__487232" ON "community_interactions" ("member_id");
        CREATE TABLE IF NOT EXISTS "community_sources" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "name" VARCHAR(64) NOT NULL,
    "secret" VARCHAR(128) NOT NULL,
    "active" INT NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP NOT NULL
) /* A server-to-server caller of `POST /community/v1/interactions` (the group bot, a community tool). */;
        CREATE TABLE IF NOT EXISTS "wecom_contact_follows" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "external_userid" VARCHAR(64) NOT NULL,
    "userid" VARCHAR(64) NOT NULL,
    "staff_id" BIGINT,
    "state" VARCHAR(64),
    "status" VARCHAR(20) NOT NULL,
    "is_primary" INT NOT NULL DEFAULT 0,
    "added_at" TIMESTAMP NOT NULL,
    "removed_at" TIMESTAMP,
    "event_time" BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT "uid_wecom_conta_externa_95e91a" UNIQUE ("external_userid", "userid")
) /* Customer <-> guide: who added whom, through which channel (`state`), and whether it still holds. */;
CREATE INDEX IF NOT EXISTS "idx_wecom_conta_userid_a0ad2a" ON "wecom_contact_follows" ("userid");
        CREATE TABLE IF NOT EXISTS "wecom_contact_tags" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "external_userid" VARCHAR(64) NOT NULL,
    "userid" VARCHAR(64) NOT NULL,
    "tag_id" VARCHAR(64) NOT NULL,
    CONSTRAINT "uid_wecom_conta_externa_58cb5e" UNIQUE ("external_userid", "userid", "tag_id")
) /* A corp tag a guide put on a customer. */;
CREATE INDEX IF NOT EXISTS "idx_wecom_conta_tag_id_5c6d74" ON "wecom_contact_tags" ("tag_id");
        CREATE TABLE IF NOT EXISTS "wecom_corp_tags" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "tag_id" VARCHAR(64) NOT NULL UNIQUE,
    "name" VARCHAR(64) NOT NULL,
    "group_id" VARCHAR(64) NOT NULL,
    "group_name" VARCHAR(64) NOT NULL,
    "order" BIGINT NOT NULL DEFAULT 0,
    "deleted" INT NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMP NOT NULL
) /* The corp's customer-tag catalogue (a tag and its group), kept in sync by change_external_tag. */;
CREATE INDEX IF NOT EXISTS "idx_wecom_corp__group_i_c27d68" ON "wecom_corp_tags" ("group_id");
        CREATE TABLE IF NOT EXISTS "wecom_groups" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "chat_id" VARCHAR(64) NOT NULL UNIQUE,
    "name" VARCHAR(128),
    "owner_userid" VARCHAR(64),
    "status" VARCHAR(12) NOT NULL DEFAULT 'active',
    "member_version" VARCHAR(64),
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL
) /* A customer group chat. status: active | dismissed. */;
        CREATE TABLE IF NOT EXISTS "wecom_contacts" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "external_userid" VARCHAR(64) NOT NULL UNIQUE,
    "unionid" VARCHAR(64),
    "member_id" BIGINT,
    "name" VARCHAR(64),
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL
) /* A customer in WeCom; `member_id` once linked through the unionid. */;
CREATE INDEX IF NOT EXISTS "idx_wecom_conta_unionid_619234" ON "wecom_contacts" ("unionid");
CREATE INDEX IF NOT EXISTS "idx_wecom_conta_member__48c85b" ON "wecom_contacts" ("member_id");
        CREATE TABLE IF NOT EXISTS "wecom_group_members" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "chat_id" VARCHAR(64) NOT NULL,
    "userid" VARCHAR(64) NOT NULL,
    "kind" VARCHAR(8) NOT NULL,
    "status" VARCHAR(8) NOT NULL,
    "join_scene" INT,
    "joined_at" TIMESTAMP NOT NULL,
    "left_at" TIMESTAMP,
    "event_time" BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT "uid_wecom_group_chat_id_2295ca" UNIQUE ("chat_id", "userid")
) /* One member of a group: a customer (`kind` external) or staff (`kind` staff). status: active | left. */;
CREATE INDEX IF NOT EXISTS "idx_wecom_group_userid_553630" ON "wecom_group_members" ("userid");
        CREATE TABLE IF NOT EXISTS "wecom_events" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "event_key" VARCHAR(160) NOT NULL UNIQUE,
    "event" VARCHAR(48) NOT NULL,
    "change_type" VARCHAR(48) NOT NULL,
    "payload" JSON NOT NULL,
    "status" VARCHAR(12) NOT NULL DEFAULT 'pending',
    "attempts" INT NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMP NOT NULL,
    "last_error" VARCHAR(255),
    "received_at" TIMESTAMP NOT NULL,
    "processed_at" TIMESTAMP
) /* A verified, decrypted callback, recorded before it is acknowledged and processed by a worker. */;
CREATE INDEX IF NOT EXISTS "idx_wecom_event_status_f2cb88" ON "wecom_events" ("status", "next_attempt_at");"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "wecom_contacts";
        DROP TABLE IF EXISTS "wecom_events";
        DROP TABLE IF EXISTS "wecom_group_members";
        DROP TABLE IF EXISTS "wecom_contact_tags";
        DROP TABLE IF EXISTS "community_interactions";
        DROP TABLE IF EXISTS "community_sources";
        DROP TABLE IF EXISTS "wecom_corp_tags";
        DROP TABLE IF EXISTS "wecom_contact_follows";
        DROP TABLE IF EXISTS "wecom_groups";"""


MODELS_STATE = (
    "eJztXWtz3La5/isYfbE0s1YkWXYcpe2MrKiNz9SWx1JOTmtnKIjE7qIiCQYAtdpp8t8PAF"
    "6WdxHrvWAp9EMqk3hI7oPbe8d/9wLiIZ8dnnv/iRkPUMg/o99jxPjeGfjvXggDJP5obzQC"
    "ezCKFk3kBQ7vfIWCeXOHJu3VfXjHOIWufMMY+gyJSx5iLsURxySUwHMQwDCGPlg8AcA78o"
    "AAFHfoPeKIvmDAxwHmbARmEHMcTsCYUABDAQpwKG57yMVMPPFQvtQjrniraLWG538Nv4aM"
    "Q47OQIRCTzb9AwhaqHiiJ/6k6D/I5cg7BOfqomwgbvsYMYA54FNK4slU/D8CPvImiII49M"
    "R/5YV7NP8a3qpXvky+9uwv2ENBRDgK3bkj7v/tFuzLposfw14AMguB7D0WQRcdjAAO1eOY"
    "uAQE+yETHSC+HUAmr6ffD9wpDCeiQxiRH4ZZ+pkeQI+ivT8HJHQRmE1F24f0A8M4uBN/kj"
    "Fwxc2YUkWm+p2icxX3cYhF7zucTJBAUNEDX77sBUjiHOzJFpVftPfbb/KiIOERsaS5+r6k"
    "aXI3unfGGPleaZwmT1PXHT6P1LV3ePI+5H9XbeVAuHNc4sdBuGgfzfmUhDkAh2pcT1CIqH"
    "ipfAOnsRymYez76eDORm7y2xZNko8uYDw0hrEvB7tEJx+wuLbnOB+vbpzryxvH2atNhAxR"
    "GLvpJcG1nETiU5kiYCI/4eUPJyevXn1/cvTqzdvXp99///rt0VvRVn1v/db3fyYfs2AreZ"
    "Ti7P0/3n+8kR9ExExNZrO88KfCQA4TlOqbwipR7NL+nVCCPd0XGfNdnZFdWPTGYqUZWHcs"
    "6IcBiRO6yty3Er8ADIn1k+PT70/fvnpzmpOdX+niuM4nRZCJL6jxeTGFtJnQBaJCqPjMXS"
    "Q0gI+Oj8IJn0oWj4466Pvf888XP59/3hetDsoD9WN66yS5V+a4uvBrkN0AHSDrx71YP+5g"
    "/bjOOnqMMEXMgQ2rxU+CKY4D1Ex6GVnh20uhh9kfPdhPd0lTyO/g+ub9h8vrm/MPn+TjA8"
    "Z+9xVd5zeX8s6JujqvXN1/U+mW/CHg1/c3PwP5T/Dvq4+Xik3C+ISqNy7a3fx7T34TjDlx"
    "QjJzoFfkJLucXSr1ci4y9Z1ROWBz82gvFZj3av1ZvLGaidRrHnVMo+osSnUa5Dl3WgtXFT"
    "fAVeu0D9mn7WSf1siWypanTXUZtRTRhi1Qm+BZKrViVdFbPGrA4bG9FgkoG6L6e3EZafdi"
    "k/diFHI619aMi6ilVDTDenQ7erEr1DK+1AwrI1cww0zbtXd9iklD4Pi+YIySF+6gez+D1H"
    "Nqd8gJaWtbvxWcBNUrMIQT1UmSTfmdmV1cPuJCGlOUdbNuNy/eH3WazNXHuEnTntbyT4iC"
    "xIYGHgGNfST+L0IUEw/sv/DO/iX+9/LDh5c//fQCXEv77hRi4MH5CBAKXvh4jF4cgJhBaf"
    "eVFm4XRqxuMl/XS562DcuXZWugemHNOmzNwdYcbPIqu51trzBv+pNfnGyW+mWpT9epGvPt"
    "2tMCMUBrwPGbPqaXquxQML28qSpNrqanw928o+OoSu3RN4/ilXk2IqKe3J+/BeD5EmiIrH"
    "kBgwjiSdgkZ+b3OmVMN23VU7z8kEh9QpgD32UiYEBCPgWB6Bcs4wMoA/t3kGEGkoEipvzr"
    "o6Mj8FdwfPj68eAQXD0g6guR70yFDEzxZIoYBzMcNkiaG3hfg9BpRUpzNtJ2kVL9v8a2mr"
    "Uf4Kb65rTHpvrmtHVTlbfKu8Jiejl3kcbmUMMNSXJcYTRBEhzlag3gMmqAw/j4pI9seNIu"
    "G55UhzHjkPJlfNsloDWnm2brK5vTvaWiFxYw278m968Q/hwydpTYp7ETVWED8pmsbB/S5d"
    "SS2UHmDKF7Meg06CwgLKF1QtEDarRM/M/11ceWNT1HVJd07HLwB/Ax20FeO0iTVJTW8UwY"
    "2v9w/n9VOenin1fvqgu0fMC7Cu9cSu++4NLXIr8Csz2wfA/IfIyHBt3gHSE+gmFLBHcOql"
    "B/J1Dr0g0ys0OR9NwUsWqu311d/bPE9bv3FavBx18+vLsUOoIiXjTCvMUqb+MA2pdx8QO9"
    "q9Cfp125I7JkOupMDQu4mCL3HjdbatNbo05DbdKon522va+fdrFLgcQ61XfCAmqd6lv17D"
    "YK+3LzaFVIn9oxdpD6Dhblil+zx4nN5V5DRVoAhjRQV6fAw3sUN9jnOwXFBWiDgmJ+pciq"
    "7u5lRUWzhvOOiIamh4xekCAQXcrn72WkZ5KM3ygoNrXrlhozhIMXkJ6+/qsQgQIKUBQRKo"
    "YmuJsDCBiJqStQyVCU4Z9gP7tG0fjgEMgMspidARXGqmofuOJD1R8hEc/+Y68yxtb/xq9h"
    "VpNh340ZJ4F4Rki4rPSQxBbMET8QrZPMRg/sy5sUTTATHyX+PcN8mhZPmIkpR2YH7XGrya"
    "dlcatobIVqk6S4dqG61G/9O6EEG5KssulIVTFTasR3+cTHDYQPwxn+tpc3/G2HO/xt1R9+"
    "L36aDr1Z+wHy+6pPsMGr9mCDV7VgA/QodokQ+k7MEG1aP9p5boCuKWVyowv6uoOUtmX/MI"
    "zmrSzUE0riqJH79mFexAwvJXj1AzwRaHUYXiAGuGSvPj5M6I/ye2sEt3s5Fwjr4FzewUlc"
    "Fcq4jFGlArVWFWtVecKqcq1Us70ug0raZNTPlpLoer3rVwqR7gHRl5y8TP4CLvT9pEzi7a"
    "er6xvwXf7o7x6OvytaatJqjmrfBHeEjwAEeWPACfEPmiparvmNssbljSwgiVyKOGAyfwRk"
    "VT3B/s8fzi9eXv98fvL6zUGhfOQ9iviPIClOGeAQnH96D9iUzFTdS1lLUryKA2UzzQp12t"
    "wMo4VBm5uxHalQTTstqTBHDJDgtRhKbASWdatZAXDXBcCQiyn5d+L76uMaxL9ig07hb4aE"
    "ECTGoAI4Y4XoKQBeZJ6mv7z8G5jE2ENnYDYlQgqSPirxVzDKy37PptidqsrbIfLB/q2qwn"
    "grpCgYyqZKCpLiEuPY98GUCBrq8t+6X5iVOFeuNrXkCb13Cv0x2E9fgcWUjDkQkiceY1fJ"
    "cyPlaJsLcTGIeQz9A1ULPZBV0Z07IVJzOB5LB13hWuaiOwTSMRhRHEA6T36Q8v7lLjwYkH"
    "CSSJbJ55AQsUNwq8LBHbkI3EoBVNU2v1CLx424JqVhVWYdMg5U06zCuRJaYQjErxVPT25F"
    "lAiRn4lf5y+KozP5o6aC9nY3YINlN/3L+gN3QpQ1wKpv2v60bgFXn+n1Ezwkv4labPU93A"
    "XUgNKVNuw22XAhZtM4tw6TTRJ80q9GbUeJ2lqNfuakgpimblwG2sDTHhqyEqaX0I+LOKsd"
    "G6cdl/2Pibaj38llpK1gYHIvL/RQPYmrjNvpamsbkLLMsjrdwMleu8lJ3h31tzdxOOntbX"
    "QJjYAAAJiZSmLpXpNuvMye0uAx7InSNHGoXzRxrLHDpHkyssYOrY55hsaOQRGcrkAaBC8Q"
    "1prUzK8xey2NWjfa5FavXZZGGlusjHyRkBcs3xtfyp3TFYuqTyYxAvsw2UpDD2DOkliag5"
    "EKgJFnr7J56MqUpsSH4OQLp8DUt+a1v83G2OzoXr39dW27nbDmbcOGMK2R3K0kDzyDfbnO"
    "se4wLqPsYO5BNKFecpRP/50wh1ijzlMbYPF0PB9JTupMdzkeCijrdejhdYgjb8m4vDLSeh"
    "6Ms0kbo7XFUVuBC3Vn1J2GIdto1LBIAIsaD0kQG8CMCbXnHs3BfgTngYzxyg8z4yiIVJjX"
    "IwgPgKyXw1R7WTkiP2qc15W19b/uaW2tUs4tCR/4zepwRupwrhjfOtJZ1n5w+ttJH6nspF"
    "0qO6lJZfmE0+G3BBocyWvJlMgWL+14sgpwXZLwUBcVA8ogmCafbemAv2Q71+a/jLN1KJYt"
    "GLSNoy0NC5bZDvPWQrpGo5Kt1LTGI0NhIM8Adch47IxRWKe5dd2oAwe0fKzuSFFEXZTSpH"
    "V6XB1o6W0q+vvoeJipc2w1x28T1FLcQDEOHSZrheryW8XttH1/ZXQ+QB8LSigJdG3KZaS1"
    "KRtnU653s1hasL9cP+dQ29FGd/SGk9iW6srElpd9SvP1lUinfXKsjttzrI4bcqzkBy7hgC"
    "sB7RQyegrFbDkfK7M5P7vTv1lhC237VBN6QHL6hg1Vik0VciO6S2fbqgFtDnavhIaMND3l"
    "qQ4c0JBfmS61pOZvtf6nqaXogdwvmY1bRNqd2eSdOekrhyLISMMM6jprogK0u8HTu8HsMY"
    "JSjiHuvWa8dx1p+e7LN4m5kxbk1RR52vDD434t0TAJfUkM4FLjvQQdHunrW2B0C/9UccPj"
    "evWWqYQzRClpyHd4iuocNjymT16/7hO++Pp1e/yivGdQXq1chD6JZ0ElYrcEamcNRk/Haz"
    "tR0rZn3PY1ehCDwc8jo5N4aOSBLPD5DGBxj4G/gi//LQQSjsDvMQw55vM/f6uHZ6/sqTZn"
    "1mjLj61Lv5WdWM2dOrvtZ+nkgG86Ssc0mjtoXctZOrZUvS1Vv701RfxA7yr052lX7oihKB"
    "113R4cmwg5sF5vMA+qrzdK6v4c+x0it7rbR96WEe49he1fp0jmK2ZpiQjSkKl/K4n9DAQ4"
    "xEEciAtSFB5jyjiIYupOIZOl9v35CHCMKBsBFwai0SRMT8euS+DrfZUVy61YvoOL6ZrF8n"
    "RyLZGfVMTZBLHl8/OwNH/gZWKJizAbSiyvqD3ByfYER+4JmqpPyxNscZAempDcfMVa9ZAK"
    "HX0V/QrMnpy7vLbPOKScLaGUlIA2QsEcFaSueaLQW6aHCzDbvyb3r7XYWYudtd3oTSxrsX"
    "uOvb4TFrub1FO812q1y1uMeljucu90X+sd5OqMdlV2DDMwI5RPR2BKZsCX52Imp6+rBDtV"
    "JFreEL9oLv4zB3co9YE32epW92BrmTPaVmEtc1uxzBU/S4PjCsyGU7WGU9mCKragyhASU2"
    "xBFVtQZccptgVVVl5QBXOt2qZFzAA3tT7JHO2pHLVEDoNK1hi2NOyu6aBuMTKqYo3t5zX3"
    "swfnDW7L1r2nDLK7etNh9jI5kxMOG6ZPK68VlCW2TmxayUeJlRrMVmFWWFqMN71kTJt2rG"
    "fKSvhSzjNCncCdLkN3DT485l+d9GD+1Ukr8/KWTf+wzmRTBvduuhWtM/k59rrpzuT0eN9/"
    "yBMY95p8yaUGo6cPNlZnOfZ0I5/nxwsnJwjL84L5IUjqI5yBZMMAfwAPs0CImU0O4+UeYV"
    "3DO+oalr2rKVUXIIM7XGnHTyA2WmpeS6keMhOEODFDVG8QV3HDo3sd6qFueZ5vLMyzlMhU"
    "UIvKJBeur2Y49xrNHYO5ym96ltcDokwzmKSOtOP56fFsVcJW6ndXGbA64DPqZkOUvktIQ0"
    "FzW9J/8faoS+FDSUOdtP+rSI43Ql+Knh3jSUyRd7aI4Y2I7GkAQ4Ae8lT9EZhhPgUujMSf"
    "MipDnlAsHoNJEgGchRg0nIy85pdZLXJXtUh7AnIipJz2UXFO2zWc05qCY2O31ygBqoVKh9"
    "0csC56hzR0kw1BPO8RNazO7eGuFZj1fxdYEVunM4+hTvRlA9JSKq9MKJnxqfb4rMIsmQVW"
    "lhifDUhLqbxCQhcpWhLzToOA2xUd0IC21VF6BAp4EPvzJPrKEWqLxkBuQNqwuDaC011pGY"
    "bLUEtxQ4UfGZa5HMVNUEtxUzaXsmXohiNXYXank1d2JxNG1udxyNgJ0SN35gjSup+pscVK"
    "Mmr76L8n7frvSU3/zThcKqi+iLMrRFPEMkXw3rkjYcyQVqW1OtIWW1u+2BpRX6jVAQWIZd"
    "4WtTdXWbGFBIfp2LSFBJ9P/9owlHaRbDdj1G1mwnPsdcMzEy4fI0znn1Ege5XuNcWplFuM"
    "OkNVVFuHpo37RquECFAykwEg4C527xEHjyB7hswxkMdH4JAhynFem45PEYCcBNgFrg9xMA"
    "KMAATdqbzJZKSJNHU3RKus+WUN0Spf9pIXpeHx6h2JjvybDWTZhUCWUvf174QSzB6yoNkd"
    "tQhoXfpLMEv/0vQX1qsa/x2FIIqgIbG/MktgUh9Pg9MFwPLZPE53IBFlc4lVKz8iWvtwaH"
    "sstF4dU6vzt7K/u9qeWTkJjxzREPoXJOSJTtag75WbjJ5ORneTpvrp6DgEv6ILEvwIbnNp"
    "7VbpUsDH4b08vntKSTyZKg1MjEUS4u7s9OWfaNMMjJZH27UzlA7YJfJ9G6CDSz5YfXx8Om"
    "t0iC5A1iQLDIngrSm8htG8FXXXlmawudVWwLW51babDdZjVJ2sD0kKQ4MOU7zdQ39RJa3S"
    "jAgNn1UCAGQMYFIV60yeqZRpIvu38piRW5DJmAeAKP/SeJzfUv86aCij5aMxb3ZdbeCdjR"
    "6sQnmnVFa2viuDxBezS3kNXKrR1ztXrW4OWx2yxzut6yQM6zJZJ7v/IfKEG1cwouHkK4Ns"
    "BkVdQZcMLaVclIBWtzBOtyh2spRGl+jiAsyGN5vcv6pkipP1Q3/loIzb6TzJDSgGhmjr7Y"
    "p6Hx1dSy8/B5LsWCjDI3CP5sgDd3MQ4BC/jCiZUBgAEiHp8gPvoA9DFzEAKQIeCgkNoI+Z"
    "QMjzvZR70EfeRD6IiY8WiwEMmdSWSdjogdzQa62b0uD5NupQxJMBoCNrLxDWKWmdktsmOB"
    "IEaTnGcsDwPGOrP+pHkZVUiaFaBQ9qwOGxvWK1PMTuvbaTt4AZHsGrXyxw+IC5HJZ6FUAr"
    "sMFte6s/nT1hzHPu5trhIjXogIxNG44ZuUuEeg0zXwGx00rsqisnaVBYQFgK5ZWkZKIGgw"
    "uAJVBe4RhRsVg/IJ0jb8sgS6S84k6Rey/9GKpkkQaZdaAlVF7xIeNORo4HGzQEaRdvsYk3"
    "YLuM47u36XdQKY3dNgix97DdzRoLtrLGc+z1Bj+TSZU1rmJ+Rx4/IMag2gxqvo9yg1GXC4"
    "Sopk6QtO3nCmnv/qddCF8KcR6qYiXkHAWRcq3+Zv0LRvoXbJTUGkuiesiLI+TcIy3bbBk1"
    "PGvWOo7uNDj36RkYsiI49wls4L69KmoB8k1VUU1bUjq4XEtZ1N2IxSxa3cqsF2+YWb8iFW"
    "J0ytgUIdYSIa9UxcEal93KVAN8gBrV7mpQDZGY0nykXfqljBqey9TWf7EzyqbH2m42Mz32"
    "E5wH8kjKBqtTdmvUZW+Kkka9Y25Z7LqIsXHsgxQK9m8+n3+8Pr+4eX/18fD6l4uLy+vrg1"
    "FehIcAmOWy3s1V1KsAysTWJEx2rzJa1vWOPqawkmopFloPp1PQWsLMtIQVQqY1M1/ryMEZ"
    "bVYfukhi7ojXeUishDpkV3E2FbZHZSB3qjeic8AAzbyrH8piR9SjNwdYevusFFtPgTBpdX"
    "hu5vOhCiIlwUPsZoo3PaGjgNqgKbduw13d2F55oHNyAukY6ZwhXcLYmtnN/h4x7ZfhtgFp"
    "GW4KhYwpRaGr5TcuYja4Hlx8/Fd9ScguGpjIk1oEWrLInzjproK1tjTjbGkV1x10G0LbOy"
    "TzHGGdD72cD9sKfjeN6RWv/xSNY/FLPM3ttQqzzue9s7L1VXPBr0BtdRiTl3vrCH0W3Wwd"
    "oYPtZrMcoZ/VbrrX7g5NG4x6OEWdZGtexjeaIMH+58u///Lxp4LHUjDO8J0/Fy1cQj1ZPg"
    "iNCUUAc5Z5O5/wiX77s21lIaPNjO3+zqTrNV2dJdDgvJyr97xJb2XKmb6bswS0ZD9Jtnke"
    "fJMcR8/Phb9FW8vqB3e6GCxjD7CW9r2nfBlLsdsEtRw3eTitF8564XaQYcNcRdZ0uDabUu"
    "TDMERN+ighPoJhyzxaoCrdeydg65pA+ZVinzYbElbRl++urv5Z6sZ37yu65sdfPry7/Lx/"
    "rPpPNMK8pIIWWCY41EqkWwCsk2j7lbsGTieMIh8vZVcuI+1Kb/JKb51Eg+1mU7wHctN6F7"
    "v3qDmVqnB71Ok5kA2dO9Wyp9/gElIhj4Bk2wQzzNWB5ZgCMgsBeowwnf8ImMy5Z8CjcAYY"
    "ISFi/KW6J8YGGGPK+CG49dAdvwVTIn4wcH04eym5YeAO+WQGjupehY2+WTv/StY8QHuizZ"
    "f0z5E8xVu8GDGVklW6QZGQ+BjKbyBZI9vJzi60ngzjPBlbi143bQHfTvx6Pj+02C+iBiSN"
    "bpj7fNHqa3vPAQM0uq84UBiHmGOoE9dYQAxpPVlhVGMgnq1Xr7uEsaw2rb9KkBF6SSCP89"
    "Cgtg608aILXtgSKmIZaQ0BpmmI5cUoF/M1e7mMtL1sci8nM9KhcYN/rF1KKqOGlwpy2qdK"
    "3ml7lbzTWpU8a1Yb7HQyyax2qc4ra7OqXWanmT1lVJPKJ+5ZEXvvfRDECp8esSkrBaFDcI"
    "s9FMgqvbcAM5AMNhCJ24ld4UyVDiIhArJdRLhMzRT33CkMMQvAmNDUWlY3pm3kjQ1GtIrV"
    "LHtdYvhqt65J05iyoJGYuqmZrTCrrdnMms2MXqC3Y7qBrtusr3Vkpy4gG0zwhg8QJ0+o8V"
    "++ZWj9Xl21eBvq8A6ZG+yJAWscrOqgei1NJQMMUEnpY889bTfontZLPyQCiga9C8Tw+P2h"
    "T7WdH9qr7fxQq7ZDYx9pyxMFkPUDLStM5KK6xtguYoa4OK+jUFp6AKsDxxw1VDZvHeQ1nB"
    "UtDAhoHJznQloyGva39mNYcsA3HcJi2BLcQdlazmCxts9lusLaPjVtn+xd7E06Ygqz+6Mn"
    "7Z/MuVNN+1YjCMMY+llsXwIF+xDISD3gIuyLEXBwCOTbzlRFAYbE2jH24aSh+sC3PctWGz"
    "BaIG03Ns4R1JGXsuar2dZN4H9le3wyZ5y2XJquIV2DDkkK3bDGJRb10BEsYeLcRRoju4bb"
    "XB+8PTqqCa/ZNTPGtlz2dVTYrP0GreHJnlQ3hReuGxLLaIjsci2D/s99n7gwpaQmvlSbdE"
    "owKonAgXnrnkLMr1PsTkGaTQFgkosAPIpmYExJMAJMHvxC0QOiDMrCSIwT8R+AHsVjfXkQ"
    "DBGiSIbfJxRPcCgaJrkNB3VJZxMvtOKQ0btFuzi0pZj5HkveUPuiKEDJKaVNfglmBafl/d"
    "7WH/vNMpMpWzuH4/EvTG089U09v9m9nctmjhCdaM+N/Fpuk2ASY3F9BAJIxawUYADF7gq9"
    "AIfsTAZAhRxzLLZTGfX0K7ogAVBvUs1knJTsFeKj+r69hufbbdrotal9m1b/r6GPZO0H6E"
    "5bQ0Uz4muRm7UfILmrP/hmhlwSqGVVrxJiFbeSsIdBV52UZSMfGgZyZ+WgBWiDhYMy1osk"
    "5z1hcNkgTu5RyJwH6GOvzfPe7WdrfoLN3DHN3Wa9qv2WNPEDvavQn6cjcEe6PZ0spjpZb3"
    "CzIqOud+ow8jybntrLBxU9z6Y4AuoAHCC60p3K8upzkESzALFKxQjsh9IyqKyG/OBHgCAN"
    "07oqsgJ7IMYTlkWnaF2BWc8rrA6zozqM7uFM33Yuk5E9sDL/lNUH11hOPFmbHD4Vu4ks/6"
    "QxZpug1ljY5GDNF3U9r3UNtzl2j48a3Nb5xWdvg5XSiViAQvWLGmWX9O6TEozjqob9BJl2"
    "qq2gsKOCgsn5oEPtjQX7MiZA+yDNMsjueI3GI/3jSYnl9Ik6XpARrYIqC4QVhXuIwtb21U"
    "r9jti6TM8o+BWJyco/wflHwvEYt8fmNTfsFCZnsuQIj+Bc/PAFpm8J4wdE50D8RwCRB4pP"
    "GAESuknFk+JlgD2wL+taxkymDLgIPyBvBCJK5AEc8k88CQlFXkOQ3trfZqVho+WvDtd/oc"
    "81T5NrgNrT+570o6pKBglDGlyXUQMULlZfqk1sYKqqgTbXNeAGw+73amQbzfBYj9fx0mw+"
    "7YAe0hqRjcA6u+0pzkWMzXJePss5kXl0xvUCsdH8nEQkqy8YpTurqTDRq8BER32J6vgWoj"
    "SWwijSOSSrDNqgYb7K8PE3y3wrs1D4kHEHUUoaQoXaB2wZNbyKPyevX/cYsaJV65BV96yt"
    "4pnYKkpn92UK7hIdXcXawDvTetoYq5RLgktV0q7RFJXfHT1hfyKBozTDvhUuchPQCHjIpf"
    "NIDDzgQt+Xv2sk7TyEejKECo1ldgjmsgKvuCU4VCV6PZX3kY9zGWoFwYzQ+6YArbW+7Wv4"
    "NbxNtOKsUrAn3ibkHpV2muWmcNEA7Kt2I5A4foEctyPVAHtMvtWFVIoVI3ChVuobMTUPzp"
    "Jslxfsa0iRqqKsPsaLI1+aPMQ/xbz3sScrEYtniF8opGscCkE76RCQBJ155BBcp1Y0mRgr"
    "TwB7+bfsN6X/8mQx4z++hqlFDezHoeQgBOl336OIqwScJC/nQFYKgdiXLSfwAYE4AirYF6"
    "SEyM0Qco6CiLPbvva5LwU5NkSPPHuCLW1srvEuH//6pqSVFsQzyGB3/KZXsdI3HdVK32y7"
    "XKlp8t2665Um67K2na4Cs1T3oDqCc5/AhkW73bBUgHyTXck0qq1hqdGwlEopdbtS8YaZZq"
    "VM5tEwKhUhtramvFKV/WpcduvADXBr8TBOD7Y2xKdWp7XYEDPT/FKHsZWgdk4ZPaesFXHI"
    "PW2IFfEcUexO9xosiOmdUZf1EC7aGJME8VzMRt8orLUbhGSRPawXslyADFCDXss2LieVBs"
    "Np8wGye3zU72SgrqOB6kdsJlZ7HRNFAWJNFJomiq1uZn/+Pw8VyeQ="
)
