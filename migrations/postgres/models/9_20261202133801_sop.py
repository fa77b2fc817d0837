from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "sop_assignments" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "task_id" BIGINT NOT NULL,
    "staff_id" BIGINT NOT NULL,
    "store_id" BIGINT,
    "region" VARCHAR(32),
    "wecom_userid" VARCHAR(64),
    "state" VARCHAR(12) NOT NULL DEFAULT 'open',
    "recipients" INT NOT NULL DEFAULT 0,
    "holdouts" INT NOT NULL DEFAULT 0,
    "remind_at" TIMESTAMPTZ,
    "deadline_at" TIMESTAMPTZ NOT NULL,
    "reminded_at" TIMESTAMPTZ,
    "overdue_at" TIMESTAMPTZ,
    "completed_at" TIMESTAMPTZ,
    "completed_via" VARCHAR(12),
    "evidence" JSONB,
    "wecom_status" VARCHAR(12),
    "wecom_msgid" VARCHAR(128),
    "wecom_jobid" VARCHAR(128),
    "moment_id" VARCHAR(128),
    "wecom_reminds" INT NOT NULL DEFAULT 0,
    "poll_at" TIMESTAMPTZ,
    "created_at" TIMESTAMPTZ NOT NULL,
    CONSTRAINT "uid_sop_assignm_task_id_8c985e" UNIQUE ("task_id", "staff_id")
);
CREATE INDEX IF NOT EXISTS "idx_sop_assignm_staff_i_78db1c" ON "sop_assignments" ("staff_id");
CREATE INDEX IF NOT EXISTS "idx_sop_assignm_state_5ebdb0" ON "sop_assignments" ("state", "remind_at");
CREATE INDEX IF NOT EXISTS "idx_sop_assignm_state_6de228" ON "sop_assignments" ("state", "deadline_at");
CREATE INDEX IF NOT EXISTS "idx_sop_assignm_wecom_s_3858ba" ON "sop_assignments" ("wecom_status", "poll_at");
COMMENT ON TABLE "sop_assignments" IS 'One guide''s share of a task. state: open -> done | overdue (overdue -> done still counts, late) | cancelled.';
        CREATE TABLE IF NOT EXISTS "sop_recipients" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "task_id" BIGINT NOT NULL,
    "assignment_id" BIGINT NOT NULL,
    "external_userid" VARCHAR(64) NOT NULL,
    "member_id" BIGINT,
    "holdout" BOOL NOT NULL DEFAULT False,
    "send_status" INT,
    "tagged" BOOL NOT NULL DEFAULT False,
    "skip_reason" VARCHAR(32),
    CONSTRAINT "uid_sop_recipie_task_id_3642f0" UNIQUE ("task_id", "external_userid")
);
CREATE INDEX IF NOT EXISTS "idx_sop_recipie_assignm_ff5b26" ON "sop_recipients" ("assignment_id");
COMMENT ON TABLE "sop_recipients" IS 'A customer a task targeted through one guide. `send_status` mirrors get_groupmsg_send_result (0 not';
        CREATE TABLE IF NOT EXISTS "sop_rules" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "name" VARCHAR(64) NOT NULL,
    "audience" VARCHAR(8) NOT NULL,
    "targets" JSONB NOT NULL,
    "segment" JSONB NOT NULL,
    "chat_ids" JSONB,
    "steps" JSONB NOT NULL,
    "stop_on" JSONB NOT NULL,
    "active" BOOL NOT NULL DEFAULT True,
    "created_at" TIMESTAMPTZ NOT NULL
);
COMMENT ON TABLE "sop_rules" IS 'An SOP rule: an audience (customers by segment, or customer groups), steps with triggers, stop conditions.';
        CREATE TABLE IF NOT EXISTS "sop_runs" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "rule_id" BIGINT NOT NULL,
    "step_key" VARCHAR(32) NOT NULL,
    "occurrence" VARCHAR(16) NOT NULL,
    "target" VARCHAR(64) NOT NULL,
    "staff_id" BIGINT NOT NULL,
    "status" VARCHAR(10) NOT NULL,
    "reason" VARCHAR(32),
    "wecom_msgid" VARCHAR(128),
    "created_at" TIMESTAMPTZ NOT NULL,
    CONSTRAINT "uid_sop_runs_rule_id_8e8f45" UNIQUE ("rule_id", "step_key", "target", "occurrence")
);
CREATE INDEX IF NOT EXISTS "idx_sop_runs_rule_id_c19cf3" ON "sop_runs" ("rule_id", "step_key", "staff_id", "status");
COMMENT ON TABLE "sop_runs" IS 'One due step for one target (customer external_userid, or group chat_id), claimed once by the unique key';
        CREATE TABLE IF NOT EXISTS "sop_send_counts" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "external_userid" VARCHAR(64) NOT NULL,
    "month" VARCHAR(7) NOT NULL,
    "sends" INT NOT NULL DEFAULT 0,
    CONSTRAINT "uid_sop_send_co_externa_c79e2e" UNIQUE ("external_userid", "month")
);
COMMENT ON TABLE "sop_send_counts" IS 'Corp group-sends jifen created for a customer in a month (Beijing time, ''YYYY-MM''): WeCom delivers at most';
        CREATE TABLE IF NOT EXISTS "sop_tasks" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "template_id" BIGINT,
    "kind" VARCHAR(16) NOT NULL,
    "name" VARCHAR(64) NOT NULL,
    "content" JSONB NOT NULL,
    "targets" JSONB NOT NULL,
    "segment" JSONB NOT NULL,
    "start_at" TIMESTAMPTZ NOT NULL,
    "deadline_at" TIMESTAMPTZ NOT NULL,
    "remind_before_minutes" INT NOT NULL DEFAULT 0,
    "holdout_bp" INT NOT NULL DEFAULT 0,
    "status" VARCHAR(12) NOT NULL DEFAULT 'scheduled',
    "assignments" INT NOT NULL DEFAULT 0,
    "recipients" INT NOT NULL DEFAULT 0,
    "dispatched_at" TIMESTAMPTZ,
    "created_by" BIGINT,
    "created_at" TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_sop_tasks_status_61551d" ON "sop_tasks" ("status", "start_at");
COMMENT ON TABLE "sop_tasks" IS 'A template handed to guides: targets (store_ids, regions, staff_ids), a customer segment, times.';
        CREATE TABLE IF NOT EXISTS "sop_templates" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "kind" VARCHAR(16) NOT NULL,
    "name" VARCHAR(64) NOT NULL,
    "content" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL
);
COMMENT ON TABLE "sop_templates" IS 'A reusable task kind with its default content. kind: learning | invitation | mass_message |';"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "sop_rules";
        DROP TABLE IF EXISTS "sop_send_counts";
        DROP TABLE IF EXISTS "sop_tasks";
        DROP TABLE IF EXISTS "sop_recipients";
        DROP TABLE IF EXISTS "sop_runs";
        DROP TABLE IF EXISTS "sop_templates";
        DROP TABLE IF EXISTS "sop_assignments";"""


MODELS_STATE = (
    "eJztfW2T2zay7l9B6Ys1dTXjd8c73k2V7fhsfCq2cz2Tm92T2aIgEpKQIQEGIEejs9n/ft"
    "Hgi0iR1BCypKE4yIdYQ6L58gAEup9udP97EHCP+PLsrfd7LKOAsOgr+SMmMhqco38PGA6I"
    "+tHcaIQGOAxXTeBAhCe+lsJ5c0ck7fV5PJGRwC7cYYp9SdQhj0hX0DCinIHgWxRgFmMfra"
    "6A8ITfEITVGXFNIiIeSeTTgEZyhBaYRpTN0JQLhJkSCihTpz3iUqmueAY39bir7qpa7eH6"
    "V+yKyQhH5ByFhHnQ9E+kYBHqip76KcjvxI2Id4be6oPQQJ32KZGIRiiaCx7P5upfgnzizY"
    "hAMfPU/+HANVlesbG+5WnytOd/pR4JQh4R5i4ddf77MRpC09XLyEeILxiC3pMhdsnJCFGm"
    "LyfVIaTQZ1J1gHp2hCUcT58fuXPMZqpDJIcHozJ9TA+RW9XeXyLOXIIWc9X2Jn1AFgcT9Z"
    "NPkatOxkJoMPV7qs7V2MeMqt53Ij4jSkKoHvjtt0FAQM6hHrRYe6PBv/4FBxUIt0QmzfXz"
    "JU2Ts+G1M6XE90rjNLmaPu5Ey1Afe0dnH1n0X7otDISJ43I/DtiqfbiM5pzlApTpcT0jjA"
    "h1U7hDJGIYpiz2/XRwZyM3ebdVk+ShCzIemeLYh8EO0skDrI4NHOfzl0vn4sOl4wwqH0Im"
    "URi76SGFNXxE6lGlBmAGj3D6l2fPnj//7tmT569ev3zx3XcvXz95rdrq562e+u4/ycOs0E"
    "oupTH7+PePny/hgbj6UpOvGQ78R8vgCCdSum8Ks0SxS9t3Qkns7r7IkN/UGdmBVW+sZpqe"
    "dccKfhzwOIGrjH0j8CuBPqH+7OmL7168fv7qRQ52fmQTxlU8BcFSPUEFz/dzLOoBXUmsAa"
    "oe8xgBDfCt4xM2i+aA4pMnG+D7f2+/vv/x7dehanVSHqif01PPknNljNcnfgOwa0R7iPrT"
    "Vqg/3YD60yrq5DakgkgH18wWPyikIhqQetDLkmt4e6noWfajBfrpKtkV8Ddgffnx04eLy7"
    "effobLB1L+4Wu43l5+gDPP9NHl2tHhq7VuyS+Cfv14+SOCP9H/fPn8QaPJZTQT+o6rdpf/"
    "M4BnwnHEHcYXDvaKmGSHs0OlXs5VprZfVC5wuO9okCrMg0p/Fk/s5kNq9R1t+IzWv6LUpi"
    "GeMzGauNblejhrvWgD9otmsF9UwAZjyzOGuiy1FdAdm6AOgTMYtWpWMZs8KoL9Q3svGlA2"
    "RM3X4rKkXYu7vBYTFomlsWVclNrKROtYj96PXewqsyza6gsrS+7gC+vaqn3snxgQgdPrAh"
    "kFBybYvV5g4TmVM/wZb2pbPRU8C9aPYIZnupMATXjOjBeHS7wHMkWzm1XevHh+tJEy1w/j"
    "Jk1bsuU/E4ESDg3dIhH7RP0TEkG5h4aPvPN/qv9OP306/eGHR+gC+N05psjDyxHiAj3y6Z"
    "Q8OkGxxMD7AsPt4lBWKfN93eRubhhuls2B+oYVdtjSwZYO7vIsez/LXuG7aQ9+8WOz0G8L"
    "fTpPVZBvtp5WEj1kA56+akO9rOsOBerl1brR5Bp6OtzDOzqerEP75JtH8c48GyHXV26P30"
    "rg4QLYEV3zPQ5CTGesTs/Mz23UMd20VUv18lOi9SllDj3OVMCAs2iOAtUvFOIDhETDCZZU"
    "omSgqE/+5ZMnT9Df0NOzl7cnZ+jLDRG+UvnOdcjAnM7mREZoQVmNpnmA+9UonVal7M5C2q"
    "xS6n8NltWsfQ8X1VcvWiyqr140LqpwqrwqrD4vZxIaLA4VuT5pjjuMJkiCo1yjAVyW6uEw"
    "fvqsjW74rFk3fLY+jGWERbSNb7skaOn0rnF9ZTrd2yp6YSVm+7fL/auUP4dPHa32GaxE62"
    "I98pnsbB0yxdSCuQHMBSHXatAZwFmQsIBWASU3pJaZ+O+LL58b5vRcYn1Kp26E/kQ+lUeI"
    "6wbQAIrSPJ4pQ8NPb/+xrie9/+nLu/UJGi7wbg33CLR3X2HpG4G/JmZ7YPsegP0YNzW2wT"
    "vOfYJZQwR3LrQG/URJ7cs2yGiHIug5FbFrrN99+fJTCet3H9dYg8+/fHr3QdkIGnjViEYN"
    "rLyNA2iextULel+Yv0y78kh0yXTUdTUs4P2cuNe0nqlNT402ErVJo3Y8bXNf3+1iB4XEOt"
    "WPggG1TvV79ezWKvuweDQapHetGEcI/QYUYcav8HFqcbk2MJFWAn0aqLsz4PE1iWv4+Y2K"
    "4krogIpifqSIqunqZVXFbg3nI1ENux4y+p4HgerSaPkRIj2Tzfi1imJdu81aYybh0JVIS1"
    "//F0ZQQQoJEnKhhiaaLBFGksfCVVLJUITwTzTMjgkyPTlDsIMsludIh7Hq3AeuelD9g3F1"
    "7T8Ha2Ns/3e8YllOhqEby4gH6hqMR5DpIYktWJLoRLVOdjZ6aAgnBZlRqR5K/b2g0TxNnr"
    "BQnxxfnDTHrSaPlsWtkqlVqrukxTUr1aV+a98JJbE+6SqHjlRVX0oF+E0+8WkN4P1whr9u"
    "5Q1/vcEd/nrdH36tXs0E3qx9D/F93ibY4HlzsMHzSrABuVWrBMO+E0si6uaPZpxrRPe0Zf"
    "KgE/q+g5Tui//oGMz3MlHPBI/DWuybh3lRpn9bgnc/wBOF1gThlUQPp+zdx4cp+xGetwJw"
    "s5dzJWEdnNs7OLmrQxm3IVXWRC2rYlmVO1iVC22aDTYRKmmTUTsuJbH1WuevVCrdDRGnET"
    "9NfiEX+36SJnH885eLS/Q4v/Tjm6ePi0xNms1Rr5towqMRwihvjCLO/ZO6jJZ7viPkuLyE"
    "BJLEFSRCEvaPoCyrJxr++Ont+9OLH98+e/nqpJA+8pqE0RuUJKcMKENvf/6I5JwvdN5LyC"
    "WpbhUhzZlmiTrt3oxOK4N2b8b9aIX6szPSCnOJHgK8F6LERmBZt5pVAI9dAWSR+iT/i/u+"
    "frga9a/YYKPytyBKCVJjUAs4Uy3RUgF8n3ma/nr6PZrF1CPnaDHnSgsCH5X6FYzytN+LOX"
    "XnOvM2Iz4ajnUWxrHSojCDploLAnVJRtT30ZwrGKr6375vmKU41642PeUpu3eO/Skapreg"
    "6pOMI6Q0TzqlrtbnRtrRtlTqYhBHMfZPdC70ALKiOxOlUkd4OgUHXeFY5qI7Q+AYDAUNsF"
    "gmL6S9f7kLDweczRLNMnkczog8Q2MdDu7AJDAGBVTnNn+vJ49LdQy0YZ1mHcsI6aZZhnOt"
    "tGKG1NuqqyenQsGVyi/V2/mr5OgSXmquYG92A9Ywu+kv6w88ClW2A6x+19anfSu45kjvH+"
    "A++U30ZGvu4S5I9Wi70oHdJgdOxNw1zK3D5JAAP2uXo3ZDitpKjn7ppIqYoW1cFrSBpy0s"
    "ZK1Mb2EfF+Wsddw567jsf0ysHfNOLkvaDAZd7uWVHWqmcZXljjrb2gG0rG6xTpd4NmimnO"
    "DsqD3fFOFZa2+jy0WIlADCGVUSg3sN3HgZn1LjMWwpZUhx6DeaOZbs6NJ3MrJkh1HHPECy"
    "o1cApzOQAcArCcsm1ePbobVWqUhvRUSTB61dbwstNq65btLWwUljg21SqQR4FDBDxKOJx4"
    "MyJH0eoTH1bsdoCDlJ5wR7PgV3Bpe61Yn2liAaSRT64IXx0FgoO3pcWaT3daMrNswb/4km"
    "Ajw/f6bJVB3tUIHInz8RhxX/5AyNU5wyn0qxSu6Pl59+Su8TqC5L92xJhH1IKrEE985C0E"
    "iJo4hrYT6dUpdC+V1XJ2ZWF/nl60/yDdzmBqK04Trqa9R3U+8chz7H4GTSp9FQvw8RaoiA"
    "lyZQkGDVWjW+YnB5T+ApXDOax8HEyU5v2LaVYprXor21qsuRqC6ljjMwskpydufW1sw2fC"
    "sV5DcM/tu+4b279LDcN0sMm7bvoTq4+3IBEY3M0M0Fegjv7rVtHCuQhAm+K4kDlhodHOno"
    "9eiMSKPYz5VE/+DdR+Rnqt1WIb4kt40VRXKRXswRm7j3D/+4LNHuld1AOfX+05fPf8+ar2"
    "8RWoe8qOmbqW9V2T6pFIcOTkiSGMTCN5lhylL9m2WePGuzSkKzDQWjn1VWSkaI5/CQMAf2"
    "19ROORs96rXy9+1Y3/8MtEMHO2f+0pliJh0Xb9sLjdewPXFHT3SLQ/yQ0ACDZg4xazFqwy"
    "GmrIIBh5hKoOFV/Oq7p9OTcxSHQJK9zkg/icJ44lM5Jx4EOKMFXqLhGJ5hfJ6dQn9LGK/H"
    "2PPQ/0FTQUh65rGMJwGN3tTSige69xULsJRr7QIioRToYzj1WBLmYd+HexO1ri/hXlygcc"
    "LIj0fI9amCN5Az6qk78EBziEDoFYPS9eXR6fdIuuqBY189tPojfRjI/rT6SyeHmmLqQ9S3"
    "rkXKXOKrv84QxMLPyBgJ4nLhSTTnC9VSJGHkmbhAMx5BnihNnuob60smbxzBzfI/iHeiA8"
    "vVFSOxRLCTXL08ouq5CfaA09VVR0AGlBoF15gpndPBSjQI4V9Ngi7mJElBFVAWRwT9zifI"
    "5/xawvZJGiGQQUMvJggiB0ZIzV0w5uBr4dMpvGTIfb+RAl1jO38rRMitPc1ANVWnM4z1EU"
    "uOdpIcBcbfWLUuCNksKVtq1JZt2m8GILUCmaCbte8huG2okGYipEKDNHnNN00YjX5zuz+g"
    "vQl+FBHsA63pVO3v1eFu5vvRKp0huLMDzxgDUCar0OZHO4psUQ2sAHxHsb01WRvN3OVo5n"
    "UrwLCza8Rtf3e5v9O+MikRXhQ56rD13SXqTyOPjJTVgkz/Nv/txXmX0jKGQJelbOLVu80u"
    "aW4crGQsmbClbQAQaopnG+wLgtY627YHUjrccH4pS9mpvF0GrhS0WJiVoVyXs2lat0/Tur"
    "h1zPmIklD/Bvvu88ZHPMK+o6PfDXTsNakezek7U7qn1I+IMEZ2XcxCW0NTgpPbFNiykIW1"
    "puS1ENx8wK5JWWBrgXVrfUWbQHXrvUUWUHUEsuY5euCZ6AZlqf4pB89evmyTcefly+aUO3"
    "CultTYilpfl7VUa5ep1iyz7aQuu9KmIOiSXI+mqwOb9zYn8YP4zOLQ27Kby5K2mzvXzd0K"
    "Kv4I21IGzSHFyflRm4BivcOlbRIglm6/zzfLZ+me63bcn6NxGAsFPmRJZjoNwFC7nh4n4j"
    "TQAbPjxS1wauMRiiELMtWB0OUsQge57RXLkiBAsoETHbSbpAII1Gcm1B0gsNjJ/tCxvnl+"
    "gHHmUxtDIoPVxhUdWAsBvuV8BldMJzQIMETrTtU9Il3MZDghkirM0fh3OiXsVL/1+V+p9/"
    "1Y583W9WFvIY8BpFsg/rRtsK2Nnu1m9GwyTs1cirmIjTVcM3EqVP+UqisbVowpyvQQ4b24"
    "VO5te1/HnLcH2d6XrFuGjpOD76E8ephtYM1hdsVby9iaTIcwmT7zKK8ZM2i2nErNWhlQrC"
    "DR0o664AHR5V0Qzo0CFMQyQpIoa2WVgS3dQXiO/oh5hKFk4srk0Gw3lDZMQiIRuZ1jdQni"
    "nYx0FALxKobUge57xSZLNP77h0v0WFdkhFKQJZTGb/RmT6i1M4RK8CPYyfg7caMN+dOyiv"
    "FpS5s97ThMnKzb2i6hWfseaiq7D/DIvgUTpXsl0kOIdx+Reo/Z/7qmDN5PaGqyi99MC89F"
    "ejjEX7baYvVywx6rl9VNVlYL760WXq4KgrcrCYKtm7+r/dstK+tnH2+yrvTpVlYV5IhoXZ"
    "oiUELzRxK5OAgxnTGdiDqpN68MG0+doUHoE8igpA0QpG+HsNRmCE9Mj3MoUcGxn6SZVgYS"
    "wTIW+rnW7ai93/FKiQll/aDhGBo4ymwT1B0j7eAihQw1STZtpGy1GREno+SYepQRUh/tqg"
    "CrXLmPsAhO4xA9RlOuLDofPb5irs8lGIXKHqPck+qm0CoOHc7G6K9/Q+Okaf5n2j7/mzBP"
    "wh8j9FZS/PgCSpjOMUUeXsqTM/QxQjPB41BesSx7kbpFOfnRWZoTZJy9Q/JeatGjjCg0Ax"
    "JMiDhVV8whh4tkv5WkHJ/ol4S83XzBdMFXmFKEeuUbAo2zA44+MAYzRV1P149VowrHHiXM"
    "VR+UdaodgYbYbHGaOnx67OzZvTkEs5EJuFn7HoK7l5DMwmxvCnNBrI9otxnKG1w8VQePxi"
    "xZZs2m6zVBmxZ2a+M+TNXBMvbN+ZCz9j1IBbvJ7NhHKmStDjqZOlgFvXnfY1Xym3Y+btcN"
    "f53GzNWK9CSmfkSZPIP7fX8P3bOfDZGZwl1vmzf49YtCmyzzI5yQNnQAmNrrgT6ZgWICX0"
    "noQcO3MuhM8CtLPWgAUwvYBL2CyIOGrmjCmyxL63J2Udr5olQmTMx0hnVJ2z077x7rtNmm"
    "K46C1Lebih5EN3fLd/N/IdbrwufRoNmBs2ozauPF0eFjDpQQNShYwKfaBbCq26mT+0MGf8"
    "hpj3ASlJZ6K9Bw7OHl+T/Vf6efPp3+8MMYHBuqkYwn+ZWza40qnpw93++KjbWnKGufNybi"
    "hrr5PU9GaK56Ck2WcC6vLaCfI3WZnOtnTD48NEyeZaSLs56odtcEypIueB7VJ7PL6GA/qL"
    "jugrR2QkVclwGYcH6NaPQGCaIz+XurAgBZFCCVq7oFI/CorJ5N9ThR7YUuowDRgrI5dC95"
    "WjgNz2sj97pExm3YnJT3Wuu9SbmEJaBbENAynUbL8DYnuUmb94lv3l0alg4V6X0gc0dnlB"
    "cRXuJZvc6SnNqoqiyIywM1IkToRHjWUk25VIskiEAESCwjHhBxqqTVahlhn89gicYIDmQR"
    "CToAQi3z1ySMdFX1JXNhuQdafUYccqvWbKbdSrOzipKy97vZWIcOf2eb1uimYhobysA0ld"
    "LYco2+307Yc7SDDSXZZygJTFKGo7cosy+Q+zSAE7xMh3FZyg7mFkBz4ZGahHWbVsJc5KgL"
    "GRw4YkSpbyTd2biG9KZaqgWp+66eWq9Q7oLx3GH9Wks5b9MBlnI2sdrisGkftj4z2kwvQx"
    "sDSjkR0CH2EEeO5lw95BmiUiqz55os0TDESwjWR7dIxD5R/8DuZl+NS/WTpRSrbg+EKvXU"
    "SQ4Md9VY2//t2tRWTW6cakqQNZ3YEqodteHq0wc3a2cNyYOP337bPcOaf3Am+JaEegfyXp"
    "K4ZJOXeWHPsuC+NOG+TirFbdKF+b49/iWxPjkWDh3Inizn5pWwS3K2ftWW8IMOZYx9Qcim"
    "Z9gWecuQ7pFUsrlzVmrLqzZay7oxXVBaXlXKgAUQeePw6dSZkprI7eYapBXBHk0fO3PIh0"
    "S4JIVpEhrAWxW08Nboe+rj8KjU0WOG47dO1EJcAzFljgwJ80zxXZc7an5/Z3DeYJ8qSAQP"
    "TDnlsqTllDvHKVe7WU0ttCZPQJt+zkVtR3e6oxNS2UA7zQUOuHtbc3nZo9Qf300O6jba6Z"
    "MN+adrmcttHHAlQfsJdfoTgsIj2/hYpa26djz9O1lC1WJlzJjyU3XSPdLTD0xUaTR1yI3q"
    "LpNlqyLYv8T+u2euCqCZGU9VwR4N+Z3ZUlta/tbqvxtaQW749VbLclnSrsxdXpmTvnIEwb"
    "Iua0fzalARtKvB3avB4jbEoMdw99ow3rsqafFuizePIzVO1QvLyFDlaZLvH/Z7iYZJ4Eti"
    "ALca7yXR/oG+vwkGR3FNmpq7p5dMrn9Y756ZSjDTRYDMoc7F+of0ztLBdipC+2d1rcZSw8"
    "UGo7vjtZ0wadu2SBa5UYPBzyOjk3hoKP6bBj6fI6rOSfQ39Nu/C4GEI/RHjFlEo+V//lUN"
    "z97ZVe2e2U4zPzY/+L2sxPrbqaLbnCkuFzh8grj7sZX3kgpOTaT0pmZUb9wVtxI64Ka4bL"
    "4pgp7PQR3eEmeT7TXPKVAf6Avzl2lXHglRlI46m3vvQfV6DT2on75TWvfX2N+gcuuzbfRt"
    "iHBvqWz/CqnfMMq2JRIsmNR/a439HAWU0SAO1AFQhadUyAiFsXDnWBLE1SgYoYgSIUerik"
    "gLNTD5oqqB7/dWVi23avkRTqZ7VsvTj2uL/UlFObtBbPv9eRToD7pNLHFRzIYSwxG9JjjZ"
    "muDAmmBo+jRcwSYHaWEJweKr5qobwzIya2LfZO53jAg+tLUvIywiuYVRUhK0EQrdMUGqlq"
    "cuD2LewwUx279d7l/L2FnGznI3Zh+WZeweYq8fBWN3mXqKB42sXd5i1IK5y73Tbdk7HCGc"
    "pR2jEi24iOYjNOcL5HPIIBbBUb3BTieJhhPqjZbqf0s0IakPvI6r292FLTPXaa7CMnP3ws"
    "wVH8sA4zUxG07Vqrq2TahiE6oceO62CVWOA16bUMUmVDkuL4hWumlklNu0KNPDRa3NZo7m"
    "rRyVjRwdSlnTsanheKmDKmPUqYw1tp/33M8eXta4LRvXnrKQXdWry1CyOTPiEa75fJqLGZ"
    "alLLBVYNNMPlqtNEB2XcwqS6vxZrYZ0247NqOyEry084wLJ3Dn28BdEe8f8s+ftUD++bNG"
    "5OGU3f5hncldGdzH6Va0zuSH2Otddyan5X3/DhUYB3W+5FKD0d2FjXUtx5Zu5Ld5eeGkgj"
    "DUC47OUJIf4RwlCwb6E3lUBkrNrHMYb3cJ6xo+Utcw9K6hVl0Q6V1xpSOvQNxprXkvqXr4"
    "QgHixJIIs0G8Ltc/uPdhHpqm5/nGxDxbqUwFs6gMcuH4boZzq9G8YTCv45vW8rohQhoGk1"
    "Ql7Xi+ezxbk7AR+uM1BqwN+IC6uSNG3wcsmIK5adN/8fRok8FHkoYm2/6/hDDeuDhVPTul"
    "s1gQ73wVwxty6GmEGSI3+Vb9EVrQaI5cHKqfEJUBFYrVZShPIoCzEIOaysh7vpm1Io/Vir"
    "QVkBMl5UUbE+dFs4XzomLg2NjtPWqAeqIyQTcX2Be8fRq6yYKgrndLambn5nDXNTHr/y6g"
    "opZOZxljk+jLGkkLKRyZCb6I5sbjc13MgllAZYvxWSNpIYUjnLlEw5LQOzUK7qbogBppmx"
    "2lRaCAh6m/TKKvHGW2GAzkGkkbFtcEcLoqbYNwWdRCXJPhB8Iyt4O4TtRCXLebS3MZpuHI"
    "62J2pYMjx7MTBvLzOHzqMHIbOUuCRdXPVNtiJztq29i/z5rt32cV+zfDcKug+qKcnSHqIp"
    "YFwdfOhLNYEqNMa1VJm2xt+2RrXD+hUQcURCzyNql9d40Vm0iwn45Nm0jw4fSvDUNpVsmO"
    "M0bd7kx4iL3e8Z0JH25DKpZfSQC9KgZ1cSrlFqONoSq6rSPSxm2jVRhBgi8gAARNYveaRO"
    "gWZdeAPQZQPoIySURE89x00ZwgHPGAusj1MQ1GSHJEsDuHkxIiTYDqrolW2fPNaqJVfhsk"
    "N0rD4/U9Ehv5XzaQ5RgCWUrd174TSmK2yIJhd1QioE3hL4lZ+LeGvzBfVfDfkAiiKNQn9H"
    "fGBCb58QwwXQlYPOvH6RFsRDncxqqdl4g2Lg5ty0Kb5TG1Nn8j+sdr7XVrT8JtRATD/nvO"
    "osQmq7H3yk1Gd29Gd5Om5tvRKUO/kvc8eIPGubY21rYU8im7hvLdc8Hj2VxbYGosckY370"
    "7f/op2m0Gn9dFm64ykA3aL/b41or3bfLD7+Pj0qzEBuiCyJ12gTwDfm8HbMZjvxdy1qRns"
    "3mqr4Nq91babO2zH6DxZn5ItDDU2TPF0C/tFp7RKd0QY+KwSAcSnCCdZsc6hplJmiQzHUG"
    "ZkjDId8wRx7V+aTvNT+q+TmjRaPplG9a6rA9yz1oNVSO+U6srWd9Uh9aXbqbx6rtWY2527"
    "Njf7bQ7Z8k77qoRhXSb7RPd3DhVuXIWIgZOvLGR3UFQNdEBoK+OiJGhti87ZFsVOBm10iy"
    "4uiNnw5i73r06Z4mT90N44KMsd9T7JAxgGXbHWY+qR9+oygzpbPT852mSpz6CZ46p2rd2M"
    "WuSRRKl7EoHwyvDVjCKEeA4xlD++Vuazju3ULkKSeBGViO8jHKFxekrNLeMTZSxDLHJNKr"
    "QD3dO6Kjv8zY02GOOafDH26xSldjPjPZiuKJs6Rn6dXKB3HuHnbSLDnjdHhj2vRIYdhx05"
    "yKbfQQXm0plu5oFOsmuaUnlFIeuhvJtr+kM4pmkrCyL9Q/hlq4H8csNIflkdyvhGLZBGka"
    "QrCQtxK4i17mg0U2QC/QN494XZVpq5KUFRlrQcRZc5Chut8iC62Uar9LabO8J/NQeqtIlR"
    "MYpLeQvMk4wDIkbomiyJhyZLFFBGT0PBZwIHiIcEQt7RO+xj5hKJsCDII4yLAPtUKgmob6"
    "/5KJ94M7iQVA+tFhrMJESLcFYbgX+g21ruq9OESzP3lQwAE5V0JdE7CsYG5R8dwKECyIgX"
    "yAWsRXW3RaXBSrIkC6OEnxXB/qG947AURt1r400OBZn+Abz7yYKyGxoRYypxTax3y97TV2"
    "1Y8XUrocCKv6oH2nMmS2O3WkW0R8FWB3auTRKlvop/c26clcRRB3HsOnO4AYQFCQshHElK"
    "hhgguBKwAMKRiBKhJusb4huAWBayQMIRd07ca4jj1Sm7DcCsClpA4YiPZeRk4Hi4xkIApr"
    "YhJrRGdhNXe3yL/gYogXq1m3BbD9vjzDFqM8s+xF6v8Xp0KbNs4trQ0b2DRs9Hcnp0t/vD"
    "0YG1LZ0gl/Nso+wjmUTknq+8Cy4PAjXyoiWaCRzOVYtQ0ACLZdJyhDASPGae+v+EMoSnER"
    "HqWIiXAWHRCHbUJuXoSg6Q/d/yimEvoOwMFTPYJre0jpHuG8vNjpHupDd9MJ3RvYjse/ad"
    "3BP2XJAtsF9J2SRH20LPY1HH120I2M4lerjxd/e8dCFswTBkuyrZP4fLHiIyrVFrg7j2bM"
    "8omF35AxSbHdQaNIXzd1g0uqXj5U3vsmia+7o2WU9KconYJ8410b9dNV5nPPGQFxjb9SQ+"
    "v5UawnX+Za2GTloNhiTobnjPI5raaojP4vfQdjUuyvRQ8dlDisfC/NF670lBpocg775C71"
    "E56vY/Fe/MzUSljInpspbLHLWr7sAGqCAeIYEp1kUpi7YJ2jdESHO0V1IW7fZo6yp4pmAX"
    "hCzW7bF2fbyAGD5l4pnhvSZoMW+POfZ+jyVQJjyuYVs2gb4uaVFvjzojhmCnAhZjg5mbqa"
    "ciNYlMNs7cKyGLdXusC9saTZ2eFusWWHeLNk3CPX7Am6jTVZtRG/o0dYBnNSb3RKKW3Ow5"
    "G3Q3b1oStSSqJVE7S6KYkajdiVbpBvd0aEvectiWw7YctuWwSxx2t3S9CxrEPk5xaFL2Co"
    "1aaXsyb986E8pijqNTOkUiZmg4/vnLxSV6rGNoH988fVy43vjkXIfpegJPoxGiEcTncghb"
    "kAgzTx/ATC7SQNu1xCd7uMsVu2JZymB1WQYZg/9EHmdQp2eKqU+8M3QRQJ7ghRq1fJFJQt"
    "pgqHX6BvlYzKBOECNSPxll+ubQz7Mk1phP4cgVS/MQR+o1UMT5tW4niPo2ZKQfDBK1hNz3"
    "k6Qu1FNvmT24MwnH6G9IJ+VW9yGhjyH3y+PsSHrX5CFPbJhy9zWNjbmLjyDH6+FCBndeXr"
    "3wURmsiGtSR82K7MyPm05fVRj/++LL5yZnVy6ybt9RN4L6aFQeo3qxATcAQ/MUWeBfNjqH"
    "n97+Y33gvv/pyzsNTiGiDy7wrgK9hOc3Qj6T+CbgOxbwemjciRDcKKVuLtC/8OJnL1+2sV"
    "Zevmw2V+BcfYTxxMwsLEn1cB180WYdfNG8Dr6orIM2lHubSeUoQrmL3TyljMr5Vv28Jmqz"
    "KHetn7vFR/yq+l0EWFwPmumIVZtRGzZikTXfg+uprTl80EL1HbOI97KbqNn21SlEwM9vnm"
    "WsInrUFtqBvR0dSlphV4g+rhBf4mjCbz8RKbEe4JXlodxg49rAdVMnSNruf2H4rUCwMXIL"
    "dS8jEoS6/qUNOOgmiWpLWe/Ro+gRLw6NveNlqd4pR0+ftUkfrFptKEVWSSF8b0EgHVuF70"
    "crCvHS57gG+2aOtSBi2e1vYFmPwwlWTA1bRr14optesFSJqcG4eVdBQeSoraud+b/W1cEK"
    "lpuNpxpxS6Z2zoSq5Ec1dgGVpawfyMgPZN0Tvf6iOkQ92W7uJff0c5Lec1DDOmWnRpv4pj"
    "Q9aOtwSBm7LpFyGvtZZlE0vPz69vPF2/eXH798Prv45f37DxcXJyNlDLBr4qGII5xmGIXI"
    "P4jkU4IQVZjUchusjZZ93aMNFVYyLdVE69H0E7RMWDeZsHtPkNexTtlzfjweR466nUfUTG"
    "gC9rrcvozYPlWKC9y52YjOBXpI8+5+KKsV0QzeXMDC22amuPc6nV2aHR4afd5XRaSkeKjV"
    "TONmpnQUpA5I5VY53N2N7d1nPeYR9p0pYQbsbUnG7uir9/eoz34bbGskLcJ1WaRiIQhzzS"
    "K7CzIHnA/ef/5ndUrIDnaw2mzKCDgZ12XCpK3LWi6tc1zamusOuzX1Fzdo5rmEdT60cj7c"
    "16b5riG98/2C01i9iWe4vK6LWefz4LzMvhpO+GuiNmy3y9O9dYQ+iG62jtDednO3HKFf9W"
    "o6aHaHpg1GLZyiTrI0b+MbTSTR8OuH//rl8w8Fj6VCXNKJv1QtXC48SIdCplyQJJVLct87"
    "fKLffm2bPqXTNGOzvzPpekNXZ0mod17O3XvewFuZYmbu5iwJWrDvBLt7HvwuOY4engv/Hr"
    "mW3Q/udDLYhg+wTPvgLl/GVujWiVqM6zyc1gtnvXBHiHDHXEWWOtwbpxT6mDFSZ49y7hPM"
    "Gr6jldRa906U2L4+oPxIsU/riYRd9OW7L19+KnXju49rtubnXz69+/B1+FT3n2pEo5IJWk"
    "CZU2a0kW4lYJ1EVThngi+iGvdmI5wrAQtnTRWpMPTpVrxyWdLO9F2e6a2TqLfd3BXvASxa"
    "72L3mtRvpSqcHm30HEBDZ6JbtvQbfMBC6SMoWTbRgkZz2MBEBeILhnRBx+UbJGHPvYS07w"
    "skOSRkj071OcjqPqVCRmdo7JFJNEZzrl4YQWXCU8BGognx+QI9qXoVDnpn4/1XkPOADFSb"
    "39Kfo6y+pdRbskonBFEanyT5iTxXmt251U1Phq0AdO81Cs3TEH5zBsKO6Uj3g30+abXl3n"
    "OBHpLuOw4UpoxGFJvENRYk+jSf7DCqMVDXTtP9tHZhFGQsqs3VvR0c8JjVWDXNU3BF0MaL"
    "rnCRW5iIZUlLBHTNQixPRrmab9jLZUnby13u5eSLdERc4x/bUIqkJNW/rSC2Rob9nI6SVv"
    "sAVuOgiVVLzo7uJtXA+KQtM2IPPgZBrOWRTzyoYehTRs7QmHokgCy9Y0QlSgYbCtXphFdI"
    "aitChURoF/IItmaqc+4cMyoDNOUiZcuqZNpB7lhbY7zEiWS3qykuvtYuZdB4LNyUZit81Z"
    "Y2s7RZpyfo+6FusOvW22sbdqeuRA64wRvfYJpcoYJ/+VRH8/eamsX3YQ4fEd1gKwbscbDq"
    "MsVGlkom0EMjpQ2f+6KZ0H1RTf2QKCgG8K4k+ofvX9pk2/lLc7adv1Sy7YjYJ8b6REHI+o"
    "G2VSZyVd1gbBdl+jg57yNR2gT7mLnEwdOI1GQ2bxzkFTmrWnQgoLF3ngtgMmrWt+YyLLmA"
    "rXS9fQ0Wy31u0xWW+zTkPuW72JttiCnMzo/u5D+lM9FN22YjYCzGfhbbl4iiIUYQqYdcQn"
    "01Ak7OENztXGcUkETNHVMfz2qyD3zbtWy2gU4rpM1k45JgE30pa76bZb0L+O9sjU++Gadp"
    "L82mIV0R7ZMWemCLS03qzFEoUe5MQoORXZE7XB+8fvKkorxmx7oxtmHaNzFhs/YHZMOTNa"
    "lKhReOdySWsSO6ywUP30pJZ6yptky5wUbtRfLQwXnblurLF0bQLKYeeSSRVEOJID5FGEVY"
    "Xp8hHQ97rou7oNPvkQfu0z8RvyHCiwkaZj+yUzKivo+0F0aOkK9kT1RzF2x73yc1FWgOef"
    "MrdsV+Je95gCQF9Wm8IC4PnEDOqDdWSpbnwW8HquglwlxkbX7nE9Xm8TjgOlnVqn3yNzzu"
    "yShrnFSQHF+xYVq9EZ4isWTULwk1dpTKhqmv/86f7+QNGofc95W1M0Y6gkpqj7VS0dU3hO"
    "DUGRoLEqjvT7fBzLtiY49gD/zfySEFoMtDqq48FepFQR4eDkmeXgukiQDZxB2eYhhgca2l"
    "AUj15XkUhofSRH/5GYyLZo84XH21i2Q6zTeCVApfp5tH0sdf21RSeIvkTBHKxFrRyFhveU"
    "cV2MI4aN8FBSGran3LJofkuzPCvii1L/D7+hkUsefC3KdTlLJOnW2xF2QGz2mgD68k+ueu"
    "3H3+smQJVlq7MMsWty7XP6x3n77sGDaq6bpRVcsuP7obr2Qrp+QGn2Q1MZxLlUJsllilLG"
    "SdZ3AEtpzz2AjGoogFMRlYmf1TQfGuTTUFQbunpmuOsGIfF21Zw15eE7Uez053dMqmbP85"
    "25xIR9HPKUm2RTeXJW0vd7mXldES+mTLQJU1WdvTx9HTNxSbGF0Vwf6Ztrs3wMgN9Qgzi7"
    "srytjQu+1D79a9KGYUTsH7Ysf5neO84E00hzoX6yPSewg0L7hlzcHOxSzY7cqfZ15vE6hL"
    "QhZog1Gd2IYmPFtFzpJtcCSLGTBU5gtiVo/vtB5vNxb0tZu7E5z3NXMFDepj81bnR3eF5p"
    "W9Sm3KHLqxjNQ6KtKQOPU/MQP7E0VzwePZXIdr6fi5MzSWhHlZ8BkKqBBcSAQBzTPVNoTQ"
    "Nt0ijScbPkGM64deK3+493teMYiBG6GnKPn3GRxUd5sKhY03Qs91VJoOT/NpQCMIjIvwTH"
    "WQTuwiSYQWc8JQGss35wuZB7o9Uj/xbEMGl0LIEbmNiGDYz1zV62FrNtLMRpp1dX6/p5ws"
    "eWyxcQdURG3M2ba9sD5vGRhlNaI93Nq++/Cce8sF1THr4X4GfBpGUoP9pupTBSlbfapF9a"
    "mCKmdAPaxJ9WiQ7y7rgNZdDUfvSsgO3jaD95qCfYWlWUDwmlj/aMrdRAV3yBqP9RPWGuJx"
    "kmfvDhtctWq9rx9dfPkZgcQ5wgzh2KPglETDzESWaLJU9ugs0HYsFyvbWZu/8mSEZETCrO"
    "CPoOqbFhIO8nC1y6omw+nhbn3FLghBCrPHSiO8oS6RjxVMjzVMZ+FSZ0UF41rOsRo6sDtv"
    "rK87HoFRDsyA/pk+if6p7uBwNrYJCbqvYzVb2fpfg5k0a2/NiRbmRPY5mwBclOkhyDsuTp"
    "NOTVWAN+R6Wol8U8hJ13A+dMxJuhSYQF8QsdB/S6atOQZ6zWjYF2VsqNU3DHvQiowGfSZg"
    "h/w3wa61TTPgcxEL/TdAr4wnelOjw2zkNVZCB+Q1MvW9CHqu0neY1bABDtt0gA1wMKRU2K"
    "CJUWFtCBVmkGgIcs3Awqd5BQgkSLTuFa+B1lxUmtvQlAZKNZWTEdQ9VqPWUxdwCfAgQFCk"
    "9V7ShM2VJEOHuPEVGwJvkjAvo/QO6jquGwsBtttJktMolucoTVwk0wxByU9YfICSDNUthg"
    "ktCSmMIu5xaMF4RFW/es3RDYVk4fAMWfrq5En0AM+fpSZLT4N0MVNIyvTbLDzdZG3uJcN8"
    "15aG+8oEs/piWrsfCjI95HR2n5KkMH0ZwFyW6iHQT9uUqnjaXKriaaVUxWrFaAvySqKHAO"
    "8l4UtHk3Y9iLnadEPcN26F6xzse67TZO6Jt05489Rcdq/hQXZlWRamEX3LwuyKhbkgzHuv"
    "CyvWczGr86O7GBkdkpekQW5HzLznIkyojlOQleh3OiUsz1kMjAlexZdQpv4KOIvmaPiO0N"
    "+BvoDhO0KP/qn+O/306dHJebo5Qz0fvYFgFRwpEVndbnK4W1+xv3p4KeEa+grf55eCXMie"
    "4GGyi4TcukRKJKmaVCJ/iYbwvI8XUCY4Og0Fj7j6vuVZ4KGr+MkT/N3LM7X8nWfPrVFHUy"
    "pk1MzS1ERh6yexO1C6pC42syw2AP/wAfj6+zAAOhfoIbybRnSG7neN4H5XMUWJ2W7zvP3D"
    "3WXeHb3hEsvrBpVBn7pTW4Cdca33o2a1EdAcQ/Y6FPFkJ6g8T70dEg2z5NZyhJJ8yzrqNO"
    "EtICy1sJ7n8auwiNeFwe75hlARInPISHdOvBhqMkA9CSpDHMERNJxixsDlE0flchJonO4w"
    "cSbh+BxNsKQyK9zFp1qXCOAa6l2u2CpsVygbTMCrYInSC6AhbIAF/496WpBTIzYS3E/dT+"
    "nFyHRK3EjJh1w0KhcVn86KuFC/RGRLKHRXrcjGuvnm1rJgj/bgHJgXtLXb9+hSsBHle9SP"
    "YcUwDLotiNgwuG8Ig7Oh5jbU/AFCn2mTFew3U+JFOUuId44Qt3nsH2BHp7UlJmQKhrT6HU"
    "fErFpKg/zDJYhq0leY1cEtC1kg07XjCMI2BjmTNKjMPeVT3cxjvFZAtuV4XZOyAzaZGG3t"
    "qZ0AueJjt1FG1oVtVtcuayNZ0MykJpR6EwtalrMk6LYkqA136u1n1iG3ZeqyGDS4LrPToz"
    "vdl2nL1i5MQWIJF0iS2wKDn6TIoZFE6YBBKTV6pk+fQzF2wZI67pTdUKVTqqupPwKl9DgB"
    "kVK9Jvqzxnu5t3tdMZcHgfosoiXsD8OzmRI5Q+P0YmPYm5ZcLyK30QgpW/x6hHAUYXeeOE"
    "D/iOn/on+rr0rqPEC//fuPEeIaJqkaMrkgQg2XKxbq+2JxrfpP74ODYY+GUt1PvdefqYtS"
    "PZ9O9w/+SzxLfLFZYgGbB6j7s3+zU9K6xKxLzLrErHNgYOIcsCqkVSH3rEKGhHlvfZ+7OO"
    "2Bqhq51mSzKgmNHZy3bqlO/jqn7hxNYvcaItEw0pdBniALNBU8GCHJ1VFBIBAd++qHjlWT"
    "iNyqy/qQP4BLkssPuaBKkVMNyW1IxfKkGhF3iBtaXe1IdTW1dImlcfRYUcom5d+WNUk+KW"
    "PwS2J2R+/W8OMg2xvV1l+RC/QJ9V4EtUPo9i9SLzzVRT0/uXk51+HfsMem5UJ+ActkGlo+"
    "QsB3kEhvHlOrK/YCyuQ5gpK0EY2oWk5hX1pafgjupJulgduS+6S6bu/h+naZ7vTcZFMr34"
    "vVL7hvBG7Wvofg7p6vSvIHmO96XJfbSeKB+51J9p0h3ObWrJ1wd1gxJN01ZrYSFqX25GLu"
    "64JYiJjn14RJ5wb71HPwNEq0OROasP4KNq6ja2yhJYXbfYbqBb0vzF+mI/BIuj39WDrLEc"
    "NcPag1IuHEaLMBCbRp25iCcL6U1MU+0mLnqZ2HJsTnkKGEQ8LZNzoIQGZ5Z1NeFgy7dNPy"
    "G4RRiJfgRkfwwFKHCeh2dTujD3JPa2N2eklttjFdNaRNNPSs/W7MoA6p5rvPvWbN932a73"
    "peMjLgc4l9AdynwWvtSluzwaq5/VNzv/KoORCi1GCj2quVSCchOUQq0VIL/pEvkHrGJUqK"
    "XifJ9PSVHkkkeAxKJ59QhuaQ+CbJ5gO5byRXVxRoCM0ZuY0SRRZRdYFYMInUUyJWEwlxgP"
    "tZ7fdItd974vYeblcUuD34iMxwz0WOeq/bAXDuyIJzSet98/r4xuUloq0d8p+SWX1OQ+ST"
    "GwKhbFjnY5ssYc/BIpqjG+zHBA0ZBLvpQLjo5A2C7RNytcsiUN1LQ1/dt7qC7OcWdtHo8B"
    "e0adHQY6DaAY3o5+37s1bsbL+u5Uj2aMMnc5MTzZX5AmkiDMZsnaiNf6sZwKtJ3SxtR0Xu"
    "cOg+faL+W4c3P/jgwwpBO1ETEJvVuoQKZ+/UYBxXN2ynyDRDbRWFI1UUEsLB2LwsidlA+2"
    "0NTNjm4pjqamUhu+LVBuUYo1oUsZjW5v85cBmszgG6Z1XYOlsaoT8S50rXN5r+StTHGv2M"
    "l5918eXm7ab1DTcqk0lRoRAvHVaQaUmQfbghYonU/3RJaFS8wiipTx0SUTqMqAfFEpJyB4"
    "K4hN4Qb4RCwaHiEfykM8YF8Wq8LXu/m9WGO61/bdjNUujzWp14A+tTFe1d/NHuQ2SUxsWS"
    "NDwmWJeleqhcvGhTxPRFcxHTFzVFTCWPhUuMsa4IHjD56KACdqcRnprhOt0azY7tu9h7GF"
    "0yAqvoNie/Kcp8U/ab49lDsa/M+MeQpThTyaoTRulMN3MUp8U9qVGa8rLQAYn5dYSffrPO"
    "tzOGwscycogQvGYLVvOALUv1r4z0s5cvW4xY1apxyOpzlqt4IFxFsZtzA3eLjl6XtRsau9"
    "bTnWGlXB58AJNuUEtF5WdHd/BPPHC0Zdh6q1tGAY2QR1yxDKFKt4t9H95rtCpumdQCQTSC"
    "wFp1SmHoE28GZS+ZtyKBINQKowUX13UBWnu9G9T+HCdW8TVZjkHSU3e7garjggd5HU7YGj"
    "fU7XRKWzYjCMZtUqiTerBjTj2SALVihN7rmfpSfZpZHfJH8ooJEsHppNB4HPpAeag/1Xfv"
    "Q+gxcGXq4p7SrilTinbSISgJOvP4GbpIWTTI9QapgU+/z94p/cvjTCcFThk1NIwZYMBQ+t"
    "zXJIySWuo61QzUMZ1iCrVOhzN8Q1AcIr2JGqWAwGKII0itHMlxW36uWGsUAquzK9iSo90l"
    "7/Lxb04lpUK9I+yevmpDc6hWG/KmVIgOclObifYOjPvK1L1uwyO9buaRXldUaz0vG/N0a2"
    "IW6hZQh3jpc1wzaTcTSwURm1W5/8RSqqVUeaXiiW7SSpnOY0AqFUWOev/K7mK/13S/Cpab"
    "beAacct4dM4OthziXbPTXjjEjJrf4rtaE7XfVKe/Kcsi9rmnO8IiviWCuvNBDYOYnhltYg"
    "/xqk1nNkE8FNroG5W1ZkII6kYYJuApiPTQgt7LMg4flQHCafMeovv0SSuy7ckGsu1JhWyz"
    "hZ8OSlHc62L2n/8PUTfrjw=="
)
