from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "sop_assignments" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "task_id" BIGINT NOT NULL,
    "staff_id" BIGINT NOT NULL,
    "store_id" BIGINT,
    "region" VARCHAR(32),
    "wecom_userid" VARCHAR(64),
    "state" VARCHAR(12) NOT NULL DEFAULT 'open',
    "recipients" INT NOT NULL DEFAULT 0,
    "holdouts" INT NOT NULL DEFAULT 0,
    "remind_at" TIMESTAMP,
    "deadline_at" TIMESTAMP NOT NULL,
    "reminded_at" TIMESTAMP,
    "overdue_at" TIMESTAMP,
    "completed_at" TIMESTAMP,
    "completed_via" VARCHAR(12),
    "evidence" JSON,
    "wecom_status" VARCHAR(12),
    "wecom_msgid" VARCHAR(128),
    "wecom_jobid" VARCHAR(128),
    "moment_id" VARCHAR(128),
    "wecom_reminds" INT NOT NULL DEFAULT 0,
    "poll_at" TIMESTAMP,
    "created_at" TIMESTAMP NOT NULL,
    CONSTRAINT "uid_sop_assignm_task_id_8c985e" UNIQUE ("task_id", "staff_id")
) /* One guide's share of a task. state: open -> done | overdue (overdue -> done still counts, late) | cancelled. */;
CREATE INDEX IF NOT EXISTS "idx_sop_assignm_staff_i_78db1c" ON "sop_assignments" ("staff_id");
CREATE INDEX IF NOT EXISTS "idx_sop_assignm_state_5ebdb0" ON "sop_assignments" ("state", "remind_at");
CREATE INDEX IF NOT EXISTS "idx_sop_assignm_state_6de228" ON "sop_assignments" ("state", "deadline_at");
CREATE INDEX IF NOT EXISTS "idx_sop_assignm_wecom_s_3858ba" ON "sop_assignments" ("wecom_status", "poll_at");
        CREATE TABLE IF NOT EXISTS "sop_recipients" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "task_id" BIGINT NOT NULL,
    "assignment_id" BIGINT NOT NULL,
    "external_userid" VARCHAR(64) NOT NULL,
    "member_id" BIGINT,
    "holdout" INT NOT NULL DEFAULT 0,
    "send_status" INT,
    "tagged" INT NOT NULL DEFAULT 0,
    "skip_reason" VARCHAR(32),
    CONSTRAINT "uid_sop_recipie_task_id_3642f0" UNIQUE ("task_id", "external_userid")
) /* A customer a task targeted through one guide. `send_status` mirrors get_groupmsg_send_result (0 not */;
CREATE INDEX IF NOT EXISTS "idx_sop_recipie_assignm_ff5b26" ON "sop_recipients" ("assignment_id");
        CREATE TABLE IF NOT EXISTS "sop_rules" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "name" VARCHAR(64) NOT NULL,
    "audience" VARCHAR(8) NOT NULL,
    "targets" JSON NOT NULL,
    "segment" JSON NOT NULL,
    "chat_ids" JSON,
    "steps" JSON NOT NULL,
    "stop_on" JSON NOT NULL,
    "active" INT NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP NOT NULL
) /* An SOP rule: an audience (customers by segment, or customer groups), steps with triggers, stop conditions. */;
        CREATE TABLE IF NOT EXISTS "sop_runs" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "rule_id" BIGINT NOT NULL,
    "step_key" VARCHAR(32) NOT NULL,
    "occurrence" VARCHAR(16) NOT NULL,
    "target" VARCHAR(64) NOT NULL,
    "staff_id" BIGINT NOT NULL,
    "status" VARCHAR(10) NOT NULL,
    "reason" VARCHAR(32),
    "wecom_msgid" VARCHAR(128),
    "created_at" TIMESTAMP NOT NULL,
    CONSTRAINT "uid_sop_runs_rule_id_8e8f45" UNIQUE ("rule_id", "step_key", "target", "occurrence")
) /* One due step for one target (customer external_userid, or group chat_id), claimed once by the unique key */;
CREATE INDEX IF NOT EXISTS "idx_sop_runs_rule_id_c19cf3" ON "sop_runs" ("rule_id", "step_key", "staff_id", "status");
        CREATE TABLE IF NOT EXISTS "sop_send_counts" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "external_userid" VARCHAR(64) NOT NULL,
    "month" VARCHAR(7) NOT NULL,
    "sends" INT NOT NULL DEFAULT 0,
    CONSTRAINT "uid_sop_send_co_externa_c79e2e" UNIQUE ("external_userid", "month")
) /* Corp group-sends jifen created for a customer in a month (Beijing time, 'YYYY-MM'): WeCom delivers at most */;
        CREATE TABLE IF NOT EXISTS "sop_tasks" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "template_id" BIGINT,
    "kind" VARCHAR(16) NOT NULL,
    "name" VARCHAR(64) NOT NULL,
    "content" JSON NOT NULL,
    "targets" JSON NOT NULL,
    "segment" JSON NOT NULL,
    "start_at" TIMESTAMP NOT NULL,
    "deadline_at" TIMESTAMP NOT NULL,
    "remind_before_minutes" INT NOT NULL DEFAULT 0,
    "holdout_bp" INT NOT NULL DEFAULT 0,
    "status" VARCHAR(12) NOT NULL DEFAULT 'scheduled',
    "assignments" INT NOT NULL DEFAULT 0,
    "recipients" INT NOT NULL DEFAULT 0,
    "dispatched_at" TIMESTAMP,
    "created_by" BIGINT,
    "created_at" TIMESTAMP NOT NULL
) /* A template handed to guides: targets (store_ids, regions, staff_ids), a customer segment, times. */;
CREATE INDEX IF NOT EXISTS "idx_sop_tasks_status_61551d" ON "sop_tasks" ("status", "start_at");
        CREATE TABLE IF NOT EXISTS "sop_templates" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "kind" VARCHAR(16) NOT NULL,
    "name" VARCHAR(64) NOT NULL,
    "content" JSON NOT NULL,
    "created_at" TIMESTAMP NOT NULL
) /* A reusable task kind with its default content. kind: learning | invitation | mass_message | */;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "sop_send_counts";
        DROP TABLE IF EXISTS "sop_runs";
        DROP TABLE IF EXISTS "sop_tasks";
        DROP TABLE IF EXISTS "sop_rules";
        DROP TABLE IF EXISTS "sop_templates";
        DROP TABLE IF EXISTS "sop_assignments";
        DROP TABLE IF EXISTS "sop_recipients";"""


MODELS_STATE = (
    "eJztXe1z2zae/lcw/hJ5RnZtx0mz7l5nHG/2NjebOBO719trOjREQhJqkmAB0rau3f/98A"
    "NIihRJmZAlmaLRD41M4uHLAxD4veOPvYB5xBeH595viYgDEsZfye8JEfHeGfpjL8QBkT+a"
    "Gw3RHo6ieRM4EOORr1A4b+5w3V6dxyMRc+zCHcbYF0Qe8ohwOY1iykIAnqMAhwn20fwKCI"
    "/YHUFYnuG3JCb8lUA+DWgshuge05iGEzRmHOFQggIaytMecamQVzyEm3rMlXeVrTZw/W/h"
    "t1DEOCZnKCKhB03/RJIWLq/oyZ+c/EbcmHiH6FwdhAbytE+JQDRG8ZSzZDKV/xLkE29COE"
    "pCT/4fDtyS2bfwRt3yQD/t2V+pR4KIxSR0Z448/+MNGkDT+cuIV4jdhwh6T0TYJftDREN1"
    "OSEPIcl+KGQHyGdHWMDx9PmRO8XhRHaIYPBgVKSP6SHyINv7M8RCl6D7qWx7lz5gmAQj+Z"
    "ONkStPJpwrMtV7ys5V3Cchlb3vxGxCJILLHvjll72AAM6hHrRYeKO9X3+Fg5KEByJ0c/V8"
    "uqk+G906Y0p8rzRO9dXUcSeeRerYezr5GMZ/V21hIIwcl/lJEM7bR7N4ysIcQEM1rickJF"
    "zeFO4Q8wSGaZj4fjq4s5Gr323eRD90AeORMU58GOyA1g8wP7bnOJ8vr52rD9eOs1f5EDJE"
    "YeymhyTX8BHJRxWKgAk8wsFfTk5ev/7+5Oj123dvTr///s27o3eyrXre6qnv/60fZs6Wvp"
    "Ti7ON/fvx8DQ/E5Jeqv2Y48G+FwTHWKNU3hVmi2KXtO6EEe7wvMuaXdUZ2YN4b85mmZ90x"
    "px8HLNF0lblvJH4O6BPrJ8en35++e/32NCc7P7KM4yqfnGAhn6DC58UU83pC54gFQuVj7i"
    "KhAX5wfBJO4imweHS0hL7/Pv968Y/zrwPZar88UD+np070uTLHixO/Adk10B6yftyK9eMl"
    "rB9XWScPEeVEOLhmtvibZCqmAaknvYxc4NtLoYfZjxbsp6tkV8hfwvX1x08frq7PP32Byw"
    "dC/O4rus6vP8CZE3V0tnB08HahW/KLoJ8/Xv8DwZ/ofy8/f1BsMhFPuLrjvN31/+7BM+Ek"
    "Zk7I7h3sFTnJDmeHSr2ci0xtv6gcsL3vaC8VmPcq/Vk8sZ4PqdV3tOQzWvyKUp2GeM7IaO"
    "JaxPVw1jptQ/ZpM9mnFbJB2fKMqS6jViK6YxPUNngGpVbOKmaTRwXYP7Y3IgFlQ9R8LS4j"
    "7Vrc5bWYhDGfGWvGRdRKKlrHevR59GJXqmXxSl9YGbmGL6xrq/auf2JgCBzfFoxRcGCE3d"
    "t7zD2ncoadsKa21VPBSbB4BId4ojoJ2ITnzOzicIkLMKYo62bVbl48P1xqMlcP4+qmLa3l"
    "XwhH2oaGHhBPfCL/iQinzEODV97Zv+R/B58+Hfztb6/QFdh3p5giD8+GiHH0yqdj8mofJQ"
    "KD3Rcs3C6ORNVkvqmbPG4bhptlc6C6YcU6bM3B1hzc5Vn2eZa9wnfTnvzix2apX5X6dJ6q"
    "MN+sPc0RPbQGHL9tY3pZlB0Kppe3i0qTa+jpcLfv6DhapPboyaN4bZ6NiKkrt+dvDni5BH"
    "ZE1rzAQYTpJKyTM/NzS2VMN23VUrz8pKU+Kcyh7zIRMGBhPEWB7BcK8QFcoMEICyqQHijy"
    "k39zdHSE/gMdH7552D9El3eE+1LkO1MhA1M6mRIRo3sa1kiaW7hfjdBpRcruLKTNIqX612"
    "BZzdr3cFF9e9piUX172riowqnyqjD/vJxRZLA4VHB9khzXGE2gg6NcowFcRvVwGB+ftJEN"
    "T5plw5PFYSxizONVfNsloDWnd83WVzaneytFL8xhtn+73L9S+HPY2FFin8FKtAjrkc9kbe"
    "uQKaeWzCVk3hNyKwedAZ0FhCW0Sii5I7WWif+6uvzcMKfniMUpnbox+hP5VOwgr0tIAypK"
    "83gmDA0+nf/Popx08c/L94sTNFzg/QLvMUjvvuTSNyJ/AWZ7YPUegHyMuxrd4D1jPsFhQw"
    "R3DlqgfiRRm9INMrNDkfTcFLFurt9fXv6zxPX7jwtWg88/fXr/QeoIinjZiMYNVnkbB9A8"
    "jcsX9C5Df5Z25Y7Ikumo62pYwMWUuLe03lKbnhouNdTqRu3stM19/biLHQQS61TfCQuoda"
    "o/q2e3VtiHxaNRIX1sxdhB6pewCDN+xR4nF5dbAxVpDujTQF2fAo9vSVJjn18qKM5BWxQU"
    "8yNFVk1XLysqdms474ho2PWQ0QsWBLJL49lHiPTUyfi1gmJdu+VSY4Zw6BzS0td/GRJUQC"
    "FOIsbl0ESjGcJIsIS7EqWHIoR/okF2jJPx/iGCDLJEnCEVxqpqH7jyQdWPkMlr/7m3MMY2"
    "f8dvYVaTYeAmImaBvEbIYqj0oGMLZiTel611ZqOHBnCSkwkV8qHk3/c0nqbFE+7lJ8fu95"
    "vjVvWjZXGrZGyF6i5Jcc1Cdanf2ndCCdYnWWXbkaryS6kQv8wnPq4hvB/O8HetvOHvlrjD"
    "3y36w2/lq5nQm7XvIb+v2wQbvG4ONnhdCTYgD3KVCLHvJILwuvmjmeca6IZSJrc6oW86SO"
    "m57B8do/lZJuoJZ0lUy33zMC9i+pcSvP4BrgVaE4bniB5O2euPD5P6IzxvheBmL+ccYR2c"
    "qzs4matCGVcxqixArVXFWlUesapcKdVsb5lBJW0ybGdL0bpe6/qVUqS7I/wgZgf6F3Kx7+"
    "syiTdfLq+u0Xf5pb+7O/6uaKlJqzmqdRONWDxEGOWNUcyYv19X0XLDd4Qal9dQQJK4nMRI"
    "QP4Iyqp6osE/Pp1fHFz94/zkzdv9QvnIWxLFPyBdnDKgITr/8hGJKbtXdS+hlqS8VYyUzT"
    "Qr1GlzMzotDNrcjOeRCtVnZyQV5ogeErwRQ4mNwLJuNSsA7roAGMbyk/w78331cDXiX7HB"
    "UuHvnkghSI5BBXDGCtFSALzIPE1/PfgRTRLqkTN0P2VSCgIflfwVDPOy3/dT6k5V5e2Q+G"
    "hwo6ow3kgpCofQVElBIC6JmPo+mjJJQ1X+2/QNsxLnytWmpjyp906xP0aD9BZUfpJJjKTk"
    "ScfUVfLcUDnaZlJcDJI4wf6+qoUeQFV0ZyRF6hiPx+CgKxzLXHSHCByDEacB5jP9Qsr7l7"
    "vwcMDCiZYs9eOwkIhDdKPCwR2YBG5AAFW1zS/U5HEtj4E0rMqsYxEj1TSrcK6EVhwi+bby"
    "6vpUxJkU+YV8O39eHF3AS00l7c1uwBrLbvrL+gN3QpTtgFW/a+vTpgVcc6Y3T3Cf/CZqsj"
    "X3cBdQPUpX2rLbZMuFmLvGuXWYbJPgk3Y1apeUqK3U6BdOKogZ6sZloA08baEhK2F6Bf24"
    "iLPacee047L/UWs75p1cRtoKBl3u5bkeaiZxlXE7XW1tC1JWt6xO13iy12xygrPD9vamGE"
    "9aextdxiMkAQhnppIE3GvgxsvsKTUew5YoQxOHeqOJY40dXfpOhtbYYdQxL9DY0SuC0xnI"
    "gOA5wlqT6vntzFrLo8aFVp9qtcryyGCJhcgXgLwS+dp4ACunKydVn00SggZYL6Whh2gsdC"
    "zN/lAFwMDeq2IWupDSpH0ITj5xSkx1ad743WyMzY6u1c8/rz1vJ2x42bAhTBsk91mSB17A"
    "ulzl2HQYl1F2MLcgmnFPb+XTfiXMIdao89gCWNwdzyfASZXpZY6HAsp6HVp4HZLIWzEur4"
    "y0nofO2aQ7o7UlUVOBC3VmuDwNA9oY1LDQgHmNBx3EhqgQUu25JTM0iPAsgBivfDOzmASR"
    "CvN6QOE+gno5QrWHyhH5VuNxVVnb/O0e19YWyrnp8IFfrQ7XSR3OlePbRDrL2vdOfztpI5"
    "WdNEtlJxWpLP/gTPgtgXpH8kYyJbLJyziebAG4KUm4r5NKB8ogdE0+e6YN/vRybsx/GWfr"
    "UKxaMOg5trbsWLDM8zBvLaQbNCrZSk0b3DIUB7AHqMPGY2dMwirNjfNGFdij6WN9W4oS7p"
    "KUJqPd46pAS29d0d8Hx6NC7WNrOH7roJbiGopp6AioFWrK7yJup+37a6PzDvtUUsJZYGpT"
    "LiOtTblzNuVqN8uphfqr9XMOtR3d6Y7echLbSl2pbXnZo9QfX4t02ibH6rg5x+q4JscKHn"
    "AFB1wJaD+hTn9CiVjNxypszs/u9G9W2MLYPlWH7pGcvmVDlWJThdzI7jJZtipAm4PdKqEh"
    "I81MeaoCezTk16ZLraj5W63/cWo5uWO3K2bjFpF2Ze7yyqz7yuEEC1bzBS3ba2IBaFeDx1"
    "eD+4cIgxzD3FvDeO8q0vLdlm+WxE5akNdQ5GnC94/7jUTDaPp0DOBK470E7R/pm5tgTAv/"
    "LOL6x/X6LVOaM8I5q8l3eIzqHNY/pk/evGkTvvjmTXP8IpzrUF4tTEJf5LWwErEbArWzBs"
    "PH47WdSLdtGbd9Re7kYPDzyGgdD008lAU+nyEqzwn0H+iXPwqBhEP0e4LDmMazf/9aDc9e"
    "21VtzmynLT+2Lv2zrMTq26my27yXTg540lY6XaN5Ca0b2UvHlqq3peqfb06RL+hdhv4s7c"
    "odMRSlo265B8cmQvas12vMg+rpOyV1f038JSK3OttG3oYI95bC9s9TAvmKWVoiwTwU6m8l"
    "sZ+hgIY0SAJ5AEThMeUiRlHC3SkWUGrfnw1RTAkXQ+TiQDaahOnu2FUJfLO3smK5Fct3cD"
    "LdsFieflwr5CcVcTZBbPX8PArmD7pKLHERZkOJ4YhaE5xsTXBgTTBUfRquYIuDtNCEYPGV"
    "c9VdKnS0VfQXYHbn3NW1fRFjHosVlJIS0EYodEcFqWqeJPRW6eECzPZvl/vXWuysxc7abs"
    "w+LGuxe4m9vhMWu+vUU7zXaLXLWwxbWO5y73Rb6x2O1R7tquwYFeie8Xg6RFN2j3zYF1Pv"
    "vq4S7FSRaDgh32gm/zdDI5L6wOtsdeu7sLXMddpWYS1zz2KZKz6WAccLMBtO1RhOZQuq2I"
    "IqfUhMsQVVbEGVHafYFlRZe0EVGhvVNi1ieriotUnmaE7lqCRydKhkTcemht01HVQtRp2q"
    "WGP7ecP97OFZjduyce0pg+yqXreZPSRnxizGNZ9PI68LKEtsldi0ko8SKw2YXYRZYWk+3s"
    "ySMW3asZkpS/OlnGeMO4E7XYXuCrx/zL8+acH865NG5uGUTf+wzuSuDO7ddCtaZ/JL7PWu"
    "O5PT7X3/E3Zg3KvzJZcaDB/f2Fjt5djSjXyeby+sdxCG/YLjQ6TrI5whvWCgP5FHRSDFzD"
    "qH8WqXsK7hHXUNQ+8aStUFSO82V9rxHYg7LTVvpFQPu5eEOIkg3GwQL+L6R/cm1EPT8jxP"
    "LMyzkshUUIvKJBeOr2c4txrNSwbzIr/pXl53hAvDYJIq0o7nx8ezVQkbqd9dZcDqgC+omz"
    "ui9H3APJQ0NyX9F08Plyl8RDc0Sfu/jGC8MX4ge3ZMJwkn3tk8hjdi0NMIh4jc5an6Q3RP"
    "4ylycSR/QlQG7FAsL0OZjgDOQgxqdkbe8M2sFrmrWqTdAVkLKadtVJzTZg3ntKLg2NjtDU"
    "qAaqIyYTcHbIrePg1dvSDI6z2Qmtm5Odx1AWb93wVW5NLpzBJsEn1Zg7SUwpEJZ/fx1Hh8"
    "LsIsmQVWVhifNUhLKRxhoUsULdq8UyPgLosOqEHb6igtAgU8TP2Zjr5ypNpiMJBrkDYsro"
    "ngdFVaheEy1FJcU+EHwjJXo7gOaimuy+ZStgzTcORFmF3p4MjuZMJAfR6HjZ2QPMTOjGBe"
    "9TPVtlhLRm0b/fekWf89qei/GYcrBdUXcXaGqItY5gTfOiMWJoIYVVqrIm2xtdWLrTH1hE"
    "YdUIBY5m1R++4qK7aQYD8dm7aQ4MvpXxuG0iyS7WaMus1MeIm93vHMhA8PEeWzrySAXuV7"
    "dXEq5RbDpaEqqq3D08Zto1VCgji7hwAQNErcWxKjB5RdA3IMYPsIGgrCY5rXpounBOGYBd"
    "RFro9pMESCIYLdKZwUEGkCpu6aaJUN36wmWuWXPX2jNDxe3UPryL/aQJZdCGQpdV/7TijB"
    "7CYLht1RiYA2pb8Es/SvTH9hvqrwv6QQRBHUJ/bXZgnU9fEMOJ0DLJ/143QHElG2l1i19i"
    "2ijTeHtttCm9UxtTp/I/u7q+11KyfhISY8xP4FC2Otk9Xoe+Umw8eT0V3d1DwdnYboZ3LB"
    "gh/QTS6t3ShdCvk0vIXtu6ecJZOp0sDkWGQhXZ6dvvoVbZpBp+XRZu2MpAN2hXzfGmjvkg"
    "/WHx+ffjUmRBcgG5IF+kTwsym8HaP5WdRdW5rB5lZbAdfmVttu7rAeo+pkfdIpDDU6TPF0"
    "C/1FlbRKMyIMfFYagNgYYV0V6wz2VMo0kcENbDNygzIZcx8x5V8aj/NT6q/9mjJaPhnH9a"
    "6rLdyz1oNVKO+UysrWd9Uh8aXbpbx6LtWY653rVjf7rQ7Z7Z02tROGdZlskt3fGOxw40pG"
    "DJx8ZZDNoKgq6MDQSspFCWh1i87pFsVOBml0hS4uwGx4c5f7V5VMcbJ+aK8clHE7nSe5Bc"
    "WgI9p6s6LeRkc30svPEZCdSGV4iG7JjHhoNEMBDelBxNmE4wCxiIDLD73HPg5dIhDmBHkk"
    "ZDzAPhUSAft7KfegT7wJXEjIh5aTAQ4FaMssrPVAbum21k3Z4e9tuEQR1wPARNaeI6xT0j"
    "oln5vgSBJk5BjLAf3zjK1/qx9Flq4Sw40KHlSA/WN7zWp5SN1bYydvAdM/gtc/WdDwjsYw"
    "LM0qgC7AerfsrX93ds2Y54xmxuEiFWiPjE1bjhkZaaHewMxXQOy0ErvuykkGFBYQlkI4ok"
    "smGjA4B1gC4UhMCZeT9R0x2fK2DLJEwhF3Stxb8GOokkUGZFaBllA44mMROxk5Hq7REMAu"
    "3mATr8EuM47v3qK/hEowdtsgxNbDdjdrLNjKGi+x12v8TF2qrHGZxCP28IkIgdViUPF9lB"
    "sMl7lAmGrqBLptO1dIc/c/7kL4pRDnoSpW4jgmQaRcq79a/0In/Qs2SmqDJVE94iURcW6J"
    "kW22jOqfNWsTW3d2OPfpBRiyIjzzGa7hvrkqagHypKqoXZtSlnC5kbKouxGLWbS6lVkvnu"
    "hm/YpUiDEpY1OEWEsEHFkUBytcLlemauA91Kh2V4OqicQE85Fx6Zcyqn8uU1v/xX5RNj3W"
    "dnM302O/4FkAW1LWWJ2yU8Nl9qZIN2odcysS1yVCjBMfpVA0uP56/vnq/OL64+Xnw6ufLi"
    "4+XF3tD/MiPAzhLJd1NFNRrxIIia06THZvYbRs6h5tTGEl1VJOtB5NP0FrCeumJawQMm2Y"
    "+VpF9s5os/7QRZbEjrydR+RMaEL2Is6mwraoDOROzUZ0DuihmXf9Q1muiGb05gBLb5uZ4t"
    "lTILo0O7w083lfBZGS4CFXM8WbmdBRQG3RlFu14a5vbK890FnvQDomJntIlzC2Zna9v0d+"
    "9qtwW4O0DNeFQiack9A18hsXMVucDy4+/6s6JWQHO5jIk1oEGrLIH9npbgFrbWmds6UtuO"
    "6wWxPavkQyzxHW+dDK+fBcwe9dY3rN8z8n40S+iWe4vC7CrPN576xsfTWc8BegtjpMl6d7"
    "6wh9Ed1sHaG97eZuOUK/qtV0r9kdmjYYtnCKOnppXsU3qpFo8PXD33/6/LeCx1IyLujIn8"
    "kWLuMelA8iY8YJorHIvJ2P+ESffm1bWajTZsZmf6fuekNXZwnUOy/n+j1v4K1MOTN3c5aA"
    "luxHye6eB79LjqOX58J/RlvL+gd3OhmsYg+wlva9x3wZK7FbB7Uc13k4rRfOeuF2kOGOuY"
    "qs6XBjNqXIx2FI6vRRxnyCw4bvaI5a6N6RhG3qA8qPFPu03pCwjr58f3n5z1I3vv+4oGt+"
    "/unT+w9fB8eq/2QjGpdU0ALLjIZGiXRzgHUSPX/lrp7TiaPIpyvZlctIO9N3eaa3TqLedn"
    "NXvAewaL1P3FtSn0pVOD1c6jmAhs5ItWzpN/iAuZRHkF420T2N1YbllCN2HyLyEFE++wEJ"
    "yLkXyOP4HgnGQiLiA3VOjg00plzEh+jGI6P4Bk2ZfGHk+vj+ALgRaER8do+Oql6Frd7ZOP"
    "8Kah6QPdnml/TnEHbxljcmQqVklU5wIiU+QfITBGpkO9nehdaT0TlPxrNFr3dtAn+e+PX8"
    "+zBiv4jqkTS6Ze7zSaut7T0H9NDovuZAYRrSmGKTuMYCok/zyRqjGgN5bbN63SWMZbVu/l"
    "WCjNRLAtjOw4DaKtDGi855ESuoiGWkNQR0TUMsT0a5mG/Yy2Wk7eUu97L+Ih2e1PjHmqWk"
    "Mqp/qSCnbarknTZXyTutVMmzZrXefk5dMqt9UPuVNVnVPmS7mT1mVAPlk7asiL33MQgShU"
    "+32IRKQeQQ3VCPBFCl9wZRgfRgQ5E8re0KZ6p0EAsJgnYRiyE1U55zpzikIkBjxlNrWdWY"
    "tpU71hjRFqxm2e204avZugamMWVBYwl3UzNb4au2ZjNrNuv0BP08phvsuvX62pLs1Dlkiw"
    "ne+A5TfYUK/+VTHa3fa6oWP4c6vEPmBrtjwAYHq9qo3khTyQA9VFLa2HNPmw26p9XSD1pA"
    "MaB3jugfv39pU23nL83Vdv5SqbbDE58YyxMFkPUDrSpM5KK6wdguYvo4OW+iUFq6AauDxz"
    "GpqWzeOMgrOCtadCCgsXeeC7Bk1Kxvzduw5IAnbcLSsSl4CWUb2YPF2j5X6Qpr+zS0fYr3"
    "iTdZElOYnR8+av8Uzkg1bVuNIAwT7GexfRqKBhhBpB5yCfXlCNg/RHC3M1VRQBA5d4x9PK"
    "mpPvC0a9lqA50WSJuNjTOCTeSlrPl6lvUu8L+2NV5/M05TLs2yIV2B9kkK3bLGJSf10JEs"
    "UeaMIoORXcFtrw/eHR1VhNfsWDfGNkz7Jips1n6L1nC9JlVN4YXjHYll7IjscsWicyHoJG"
    "zaW6bcYKn0Iljk4LxtS/HlMiRoklCPvBJIyKFEEBsjjGIsbg+Rioc9U5u7oIMfkQfu0z8R"
    "uyPcSwgaZD+yUyKmvo+UF0YMkS+x+7K5C7q975OaHWi2efNv4bfwZ3LBAiQoiE8398RlgR"
    "OICfVupJDlefDbgV30NJjxrM1vbCTbfHcTMFWsat5e/w2Puz/MGusdJG++hYN090Z4Cq3J"
    "yF8C9tiRIhumvvo7f779H9BNxHxfajs3SEVQCeWxliK6/IYQnDpEN5wE8vtTbXDofQtvPI"
    "I98H/rQ5JAl0VUXnnM5YsCHh4OCZZeC9CEA1a7w1MOA8xvFRqIlF+eR2F4SEn0py+gXDR7"
    "xOHq8yyS8ThPBKlsfJ0mj6SPv5BUUngLfaZIpdZWFDPWW95RAbYwDtp3QQFkRa2nJDno78"
    "6I+yJqU+T39TMocs+4uU+niLJOnVW552QCz2kgD88R/XNXrr9+mV6CpdTOzarFLeL6x/X6"
    "y5ftQqKa2jeqqtnlR9fjlWzllFzik6wWhnOpFIjNCquUQdZ5Bkcg5ZwlRjQWIZZEPbAy/a"
    "fC4mNJNQWgzanpmiOs2MdFXdawlxeg1uPZ6Y5OrSmrf862JtJO9HNqJFuhm8tI28td7mWp"
    "tEQ+WTFQZQFre3o3evqOYhOlqwLsn2q7fgWM3FGPhGZxd0WMDb1bPfRu0YtiZsIpeF/sOH"
    "90nBe8ieZU57A+Mr2BQPOCW9ac7BxmyW63/Xnm9TahugSyRBuMaq0bmtjZKjhrbIMjWcyA"
    "oTBfgFk5vtNyvE0s6Gs3dyc472vmCtqrj82bnx8+FppX9iq12ebQTUQs11GehsTJ//EJ6J"
    "8onnKWTKYqXEvFzx2iG0FCLws+QwHlnHGBIKB5IttGENqmWqTxZIMjFDL10AvbH278nt9C"
    "iIEbomOk/z2Bg/JuYy658YbotYpKU+FpPg1oDIFxMZ7IDlKFXQSJ0f2UhCiN5Zuye5EHur"
    "2SP/FkSQWXQsgReYgJD7GfuaoXw9ZspJmNNOvq/P5MNVny2GLjDqhAbczZqr2wOG8ZKGU1"
    "0B6mtq8/POfZakF1THt4ngGfhpHUcL9s96kCyu4+1WL3qYIoZ2B6WED1aJCvr+qAkl0NR+"
    "8cZAdvm8F7S0G/wsIsIHgB1j8z5XqigjukjSfqCWsV8UTX2XtEB5etWuf1o6vLLwgQZwiH"
    "CCceBackGmQqskCjmdRHJ4HSYxmf685K/RX7QyRiEmUb/nAqv2ku4CCL5llWNRVOt3frb+"
    "EVIUhy9p2UCO+oS8R3kqbvFE2H0UxVRQXlWkyxHDqQnXejrnszBKUcLAPqZ/ok6qe8g8PC"
    "G1uQoPsyVrOWrf41mEmz9ladaKFOZJ+zCcFFTA9JXvPmNOnUVCV4Sa2nOeRJISdd43nbMS"
    "fpUmBCfQFiqX9Kpa0pBvOa0bAvYmyo1ROGPUhFRoM+A9gh/yTalbRpRnwOsdQ/gXqpPNG7"
    "GhlmqV1jDtqiXSMT34uk5yJ9h60aNsBhlQ6wAQ6GJpVwr8miErYxqIQGhYag1gwsfMquAI"
    "EEWuqe2zXQgotK2TaUSQOlksr+EPY9lqPWkxdwCdhBwECR7veSFmyuFBnaxo2/hQOwm2jL"
    "yzC9g7yO6yacg+62r2saJeIMpYWLRFohSP+ExQdMkpG8xUCbJaGEUcw8Bi1CFlPZr15zdE"
    "OhWDg8Q1a+Wj+JGuD5s9RU6WlAFyuFpJZ+W4Wnm1abZ6kw37Wl4bkqwcy/mNbuhwKmhzad"
    "9ZckKUxfBjSXUT0k+rjNVhXHzVtVHFe2qpivGG1JniN6SPBGCr50tGjXi5irTRPinpgK1z"
    "naN7xPk7kn3jrhzUtz2VzDrWRlWStMI/vWCrMuK8wVCb0LtbFivS1mfn74mEVGheTpMsjt"
    "DDMXjEfa1HEAWIF+o2MS5jWLwWKC5/ElNJR/BSyMp2jwntDfwHwBw3eIXv1L/nfw6dOr/b"
    "M0OUM+H72DYBUcS4ioppts79bfwr96eCbgGuoKP+aXglrIHmeRziIhDy4RAgkqJ5XYn6HB"
    "PewQHB9EnMVMftri4OQw8NC35OgIf//+8DUE2rDssRXpaEy5iJuNNDVB2OpBbAJKl6TFZi"
    "OLjb/ffvy9+j4MiM4BPaR32YjO2P2+kdzvK5ooMUs2z9u/3CTz7ogN11jcNkgM6tSjwgIk"
    "xrVOR822RkBTDMXrUMx0Iqg4S50dAg2y2tZiiHS5ZRV0qs0WEJVaWM7z8FVYw+uiYDd8Q9"
    "gQIvPHCHdKvAS2ZIDtJKiIcAxH0GCMwxA8Pklc3k0C3aQJJs4oujlDIyyoyPbtYmMlSgRw"
    "Dfku38J51C6XKhiHV8ECpRdAA8h/BfePfFrAyREbc+an3qf0YmQ8Jm4s8RHjjcJFxaUzt1"
    "vIXzy2Oyh0V6zIxrp5bmsZ2KMUnC2bBe3W7Rv0KNiA8g3Kx7BiGMbcFiA2Cu4JUXA20txG"
    "mr9A6jNpssL9cot4EWft4Z2zh9sy9i+wo9OtJUZkDIq0/J3ExGyzlAb8yzUQ1VSvMNsGtw"
    "yyRKZrxw5EbezllqS9ytxTPtXNMsYL+8e2HK8LKDtg9cRot55aC5Fze+wqwsgi2BZ17bI0"
    "ksXMjGoiqZdZQcs4awRd1Qhqo516+5l1yG2Zuiz2GlyX2enho+7LtGVrFyYniYAL6Nq2YM"
    "HXFXJoLFA6YFBqGj1Up89gL3Ye6m3caXhHpUwpryb/CKTQ4wRECPma6M8a7+XG7vUtdFkQ"
    "yM8inkF6GJ5MJOQQ3aQXu4HUNH29mDzEQyR18dshwnGM3al2gP6e0P9Df8ivSqgyQL/88f"
    "sQMUWTkA1DcU+4HC7fwkjdF/Nb2X8qDQ6GPRoIeT/5Xn+mLkr5fKraP/gv8UT7YrO6ArYM"
    "UPdn/2anpHWJWZeYdYlZ58CeiXPAipBWhNywCBmR0Dv3febitAeqYuRCk+WiJDR2cN66pT"
    "j585S6UzRK3FuIRMNIXQZ5nNyjMWeBigzHUgyEOHTsyx8qVk0g8iAv60P5ACZIjh8wTqUg"
    "JxuSh4jy2X41Im4bN7Sy2o7KanLp4jPj6LEiytbkX9Vqoj8pY/JLMJvQuzL9OMhSo9r6K3"
    "JAn1jvRVA7hG7/JNTCU13U85PLl3MV/g05Ni0X8itYJtPQ8iECeweJVe6YXF2xF9BQnCHY"
    "kTamMZXLKaSlpbsPwZ1UszRwWzCfVNftDVzfLtOdnptsZeVn0fo5843Izdr3kNz126t0+Q"
    "DzrMdF3FrqDjzvTLLpAuG2tGbthLvGDUPSrDGzlbCI2pCLua8LYiFint2SUDh32Keeg8ex"
    "luZMzIT1V7BxHV2zFlqjcLvPUL6gdxn6s3QE7ki3px9LZ23EMFfv1SqRcGK4XIEEs2nbmI"
    "JoOhPUxT5SsLNUz0Mj4jMoUMKg3uwPKghAZGVnU7ssKHZp0vIPCKMIz8CNjuCBhQoTUO3q"
    "MqO3ck+rY3Z6SW3WMV05pE0k9Kz9etSgDonm6y+9ZtX3Tarval4yUuBzxKYI7tPgtXql3b"
    "LBirm9EnOvab2rRB1fKuTGtLV/5JPayFpMaYR8ckcgsgCr8jijGYSA3sdTJJXxhKBBCLEH"
    "Ki4h3v8BQTSrmAe9BnI80ciX962KtJu5hZVgd1SCVWPAwKGbt1+PP7cLPbC29Ckrsm5QpN"
    "JzkxNP5WoCWbsGY7YOasMRagbwfFI3y6Ku4LbH7vGR/G+R3vzgi4/yAOlETkDhpNZCVzj7"
    "qATjuKphO0GmmWorKOyooBAoudHYk1eC2bjHVX15EHXsmMpqZZBd8Wp9pMasFiGW09pyDF"
    "velKRzhG5YFLa2r0bqd8TW1fW8n5+J/FjjL3j2WW2F2Zz9U99wqTCp93mI8MwJC5iWBrIP"
    "d4TPkPyf2qATFa8w1LuFRoSXDiPqQe1qXX2aE5fQO+INUcQZ7D8BP+kkZJx4NWlAG7+blY"
    "Y7LX8tCS4u9HmtTLzE6lOF9s4dvH6PpZS4Ql0VwYTrMqqHwsVpmy3lTpu3lDut2VJOsIS7"
    "xJjrCnCLteD2KmR3muGxGa/jldnsWBjsxqMa9Aissttci6CIeVIxgt0Jad1UoeJdKBqZiW"
    "TVCaN0ppslI9Ot1qhR1dgyaIuG+UWGj58s863NQuFjETuEc1YTEd88YMuo/m3qefLmTYsR"
    "K1s1Dll1ztoqXoitotjNuYK7QkcvYm1+Sdd6ujNWKZcFH0Cl26s1ReVnh4/Yn1jgKM2wde"
    "ZBZgIaIo+4fBbBnqku9n14r+F8rzFdmh3RGFGB5CnJoU+8CexCFnpzIxCEWmF0z/htXYDW"
    "Ru8GW7HdaK34lsxuAOnJu93BHrCcBfm2aJCpMFDtVIXBcEIQjFu9bxr1IIFBPhIHsWKILt"
    "RMfS0/zWxX2FfiW8hJDKf1tq9J5IPJQ/4pv3ufegSBrUxe3JPSNQ2loK07BOmgM48doqvU"
    "igald6BS48GP2Tulf3ksVDUaU4saGiQhcBCi9LlvSRTrnW1V5j9sKzfGFLaeG0zwHUFJhF"
    "ROG0oJgcUQx1DpMhY3be1zxa3fQvIQZ1ewO8B113iXj39zU1IK6p3B7vhtGzOHbLUkjb1i"
    "6CB3tYUBH+G4r5a6d23sSO+a7UjvKqK1mpeN7XQLMEt1C6ojPPMZrpm0mw1LBYgtctl/w1"
    "IqpVTtSsUT3TQrZTKPgVGpCLFbZ8CRRdmvwuVyHbgGbi0endODrQ3xsdlpIzbEzDS/wne1"
    "ALXfVKe/KWtF7HNPd8SKeE44dad7NRbE9MxwmfUQz9t0JgnipZiNniisNRuEoIy3YT2EAq"
    "SHGvRGlnH4qAwYTpv3kN3jo1bGtqMlxrajirHN7sOxVRPFsy5m//5/iUKMBg=="
)
