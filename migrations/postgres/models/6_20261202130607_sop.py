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
CREATE INDEX IF NOT EXISTS "idx_sop_recipie_externa_0a5199" ON "sop_recipients" ("external_userid");
COMMENT ON TABLE "sop_recipients" IS 'A customer a task targeted through one guide. `send_status` mirrors get_groupmsg_send_result (0 not';
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
        DROP TABLE IF EXISTS "sop_recipients";
        DROP TABLE IF EXISTS "sop_templates";
        DROP TABLE IF EXISTS "sop_assignments";
        DROP TABLE IF EXISTS "sop_tasks";"""


MODELS_STATE = (
    "eJztXWt32zaa/is4+hL7HMW1HSfNuDNzjuPJ7GTPJO5J3O3uNj00REISxiTBAqRlbTv/ff"
    "GCpMSrTMi6QAz6oZFJPLw8AIH3jt8HAfOIL06uvH8lIg5IGH8mvyVExINL9PsgxAGRP9ob"
    "DdEAR9GyCRyI8chXKLxo7vC0vTqPRyLm2IU7jLEviDzkEeFyGsWUhQC8QgEOE+yj5RUQHr"
    "EHgrA8w+9JTPgLgXwa0FgM0QzTmIYTNGYc4VCCAhrK0x5xqZBXPIGbesyVd5WttnD9r+HX"
    "UMQ4JpcoIqEHTf9AkhYur+jJn5z8i7gx8U7QlToIDeRpnxKBaIziKWfJZCr/Jcgn3oRwlI"
    "Se/D8cuCfzr+GduuXL9Gkv/0w9EkQsJqE7d+T5v96hI2i6fBnxArFZiKD3RIRdcjxENFSX"
    "E/IQkuyHQnaAfHaEBRzPnh+5UxxOZIcIBg9GRfaYHiKPsr0/Ryx0CZpNZduH7AHDJBjJn2"
    "yMXHky4VyRqd5Tdq7iPgmp7H0nZhMiEVz2wC+/DAICOId60KLyRoNff4WDkoRHItLm6vnS"
    "punZ6N4ZU+J7pXGaXk0dd+J5pI69o5MPYfx31RYGwshxmZ8E4bJ9NI+nLFwAaKjG9YSEhM"
    "ubwh1insAwDRPfzwZ3PnLTd1s2SR+6gPHIGCc+DHZApw+wPDZwnE83t86X97eOM6h9CDmi"
    "MHazQ5Jr+IjkowpFwAQe4eWfzs9fvfr+/PTVm7evL77//vXb07eyrXre+qnv/50+zJKt9F"
    "KKsw//8eHTLTwQk19q+jXDgX8rDI5xilJ9U5glil3avRNKsKf7Imd+VWfkB5a9sZxpetYd"
    "S/pxwJKUrjL3rcQvAX1i/fzs4vuLt6/eXCzIXhxZxXGdT06wkE9Q4/N6inkzoUtEhVD5mI"
    "dIaIAfHZ+Ek3gKLJ6erqDvv64+X//j6vORbHVcHqifslPn6bkyx9WJX4PsBmgPWT/rxPrZ"
    "CtbP6qyTx4hyIhzcMFv8TTIV04A0k15GVvj2MuhJ/qMD+9kqaQr5K7i+/fDx/Zfbq48/wu"
    "UDIX7zFV1Xt+/hzLk6Oq8cPXpT6ZbFRdDPH27/geBP9L83n94rNpmIJ1zdcdnu9n8H8Ew4"
    "iZkTspmDvSIn+eH8UKmXFyJT1y9qAdjddzTIBOZBrT+LJzbzIXX6jlZ8RtWvKNNpiOeMtC"
    "auKq6Hs9ZFF7Iv2sm+qJENypanTXUZtRbRhk1Qu+AZlFo5q+hNHjVg/9jeigSUD1H9tbiM"
    "tGuxyWsxCWM+19aMi6i1VDTDenQ/erEr1bJ4rS+sjNzAF2baqn3onxgYAsf3BWMUHBhh93"
    "6GuefUzrBz1ta2fio4D6pHcIgnqpOATXjO3C4Ol7gGY4qybtbt5sXzw5Umc/Uwbtq0o7X8"
    "R8JRakNDj4gnPpH/RIRT5qGjF97l/8j/Xn78+PJvf3uBvoB9d4op8vB8iBhHL3w6Ji+OUS"
    "Iw2H3Bwu3iSNRN5tu6ydO2YbhZPgeqG9asw9YcbM3BJs+y+1n2Ct9Nd/KLH5ulfl3qs3mq"
    "xny79rRE9NAacPami+mlKjsUTC9vqkqTq+npcHfv6DitUnv67FG8Mc9GxNSVu/O3BHy7BB"
    "oia17jIMJ0EjbJmYtzK2VMN2vVUbz8mEp9UphD3+UiYMDCeIoC2S8U4gO4QEcjLKhA6UCR"
    "n/zr09NT9Bd0dvL68fgE3TwQ7kuR71KFDEzpZEpEjGY0bJA0d3C/BqHTipTmLKTtIqX6V2"
    "NZzdv3cFF9c9FhUX1z0bqowqnyqrD8vJxRpLE41HB9khw3GE2QBke5WgO4jOrhMD477yIb"
    "nrfLhufVYSxizON1fNsloDWnm2brK5vTvbWiF5Yw278m968U/hw2dpTYp7ESVWE98plsbB"
    "3S5dSSuYLMGSH3ctBp0FlAWELrhJIH0miZ+M8vN59a5vQFojqlUzdGfyCfigPkdQVpQEVp"
    "Hs+FoaOPV/9dlZOu/3nzrjpBwwXeVXiPQXr3JZe+FvkVmO2B9XsA8jEeGnSDd4z5BIctEd"
    "wLUIX6kURtSzfIzQ5F0hemiE1z/e7m5p8lrt99qFgNPv308d17qSMo4mUjGrdY5W0cQPs0"
    "Ll/Quwn9edaVByJLZqPO1LCA6ylx72mzpTY7NVxpqE0bdbPTtvf10y52EEisU/0gLKDWqb"
    "5Xz26jsA+LR6tC+tSKcYDUr2ARZvyaPU4uLvcaKtIS0KeBujkFHt+TpME+v1JQXIJ2KCgu"
    "jhRZ1V29rKho1nA+ENHQ9JDRaxYEskvj+QeI9EyT8RsFxaZ2q6XGHOHQJaSjr/8mJKiAQp"
    "xEjMuhiUZzhJFgCXclKh2KEP6JjvJjnIyPTxBkkCXiEqkwVlX7wJUPqn6ETF77j0FljG3/"
    "jl/DvCbDkZuImAXyGiGLodJDGlswJ/GxbJ1mNnroCE5yMqFCPpT8e0bjaVY8YSY/OTY7bo"
    "9bTR8tj1slYytUmyTFtQvVpX7r3gklWJ9klV1HqsovpUb8Kp/4uIHwfjjD33byhr9d4Q5/"
    "W/WH38tX06E3b99Dfl91CTZ41R5s8KoWbEAe5SoRYt9JBOFN80c7zw3QLaVM7nRC33aQ0r"
    "7sH4bRvJeJesJZEjVy3z7Mi5j+pQRvfoCnAq0Ow0tED6fszceHSf0RnrdGcLuXc4mwDs71"
    "HZzMVaGM6xhVKlBrVbFWlSesKl+UajZYZVDJmgy72VJSXa9z/Uop0j0Q/jJmL9NfyMW+n5"
    "ZJvPvx5sst+m5x6e8ezr4rWmqyao5q3UQjFg8RRovGKGbMP26qaLnlO0KNy1soIElcTmIk"
    "IH8E5VU90dE/Pl5dv/zyj6vz12+OC+Uj70kU/4DS4pQBDdHVjx+QmLKZqnsJtSTlrWKkbK"
    "Z5oU6bm2G0MGhzM/YjFarPTksqXCB6SPBWDCU2Asu61awAeOgCYBjLT/LvzPfVwzWIf8UG"
    "K4W/GZFCkByDCuCMFaKjAHide5r+/PKvaJJQj1yi2ZRJKQh8VPJXMFyU/Z5NqTtVlbdD4q"
    "OjO1WF8U5KUTiEpkoKAnFJxNT30ZRJGury37ZvmJc4V642NeVJvXeK/TE6ym5B5SeZxEhK"
    "nnRMXSXPDZWjbS7FxSCJE+wfq1roAVRFd0ZSpI7xeAwOusKx3EV3gsAxGHEaYD5PX0h5/x"
    "YuPBywcJJKlunjsJCIE3SnwsEdmATuQABVtc2v1eRxK4+BNKzKrGMRI9U0r3CuhFYcIvm2"
    "8urpqYgzKfIL+Xb+sji6gJeaStrb3YANlt3sl/UHHoQoa4BV37T1adsCrj7T2ye4T34TNd"
    "nqe7gLqB6lK+3YbbLjQsymcW4dJrsk+LxbjdoVJWprNfqFkwlimrpxGWgDTztoyEqYXkM/"
    "LuKsdmycdlz2P6bajn4nl5G2goHJvbzUQ/UkrjLuoKut7UDKMsvqdIsng3aTE5wddrc3xX"
    "jS2dvoMh4hCUA4N5Uk4F4DN15uT2nwGHZEaZo41BtNHGvsMOk7GVpjh1bHfIPGjl4RnM1A"
    "GgQvEdaa1MyvMWstj1oX2vRUp1WWRxpLLES+AOSFWKyNL2HldOWk6rNJQtARTpfS0EM0Fm"
    "kszfFQBcDA3qtiHrqQ0pT6EJzFxCkx9aV563ezMTYHulbvf17bbydsedmwIUxbJHcvyQPf"
    "wLpc51h3GJdRdjB3IJpxL93Kp/tKuIBYo85TC2BxdzyfACd1plc5Hgoo63Xo4HVIIm/NuL"
    "wy0noejLNJG6O1JVFbgQt1Zrg6DQPaaNSwSAHLGg9pEBuiQki1557M0VGE5wHEeC02M4tJ"
    "EKkwr0cUHiOolyNUe6gcsdhqPK4ra9u/3dPaWqWcWxo+8KvV4YzU4Vw5vnWks7x97/S38y"
    "5S2Xm7VHZek8oWH5wOvyVQ70jeSqZEPnlpx5NVgNuShPs6qRhQBsE0+WxPG/yly7k2/2Wc"
    "rUOxbsGgfWxtaViwzH6YtxbSLRqVbKWmLW4ZigPYA9Rh47EzJmGd5tZ5ow7s0fSxuS1FCX"
    "dJRpPW7nF1oKW3qejvo+NRofax1Ry/TVBLcQPFNHQE1ArV5beKO2j7/sbofMA+lZRwFuja"
    "lMtIa1M2zqZc72Y5tVB/vX5eQG1HG93RO05iW6srU1te/ijNxzcinXbJsTprz7E6a8ixgg"
    "dcwwFXAtpPyOhPKBHr+ViFzfk5nP7NC1to26ea0D2S03dsqFJsqpAb2V06y1YNaHOwOyU0"
    "5KTpKU91YI+G/MZ0qTU1f6v1P00tJw/sfs1s3CLSrswmr8xpXzmcYMEavqBVe01UgHY1eH"
    "o1mD1GGOQY5t5rxnvXkZbvrnyzJHaygryaIk8bvn/cbyUaJqUvjQFca7yXoP0jfXsTjG7h"
    "nyquf1xv3jKVckY4Zw35Dk9RvYD1j+nz16+7hC++ft0evwjnDMqrhUnoR3ktrETslkDtvM"
    "Hw6XhtJ0rbdozb/kIe5GDwF5HRaTw08VAe+HyJqDwn0F/QL78XAgmH6LcEhzGN5//+tR6e"
    "vbGr2pxZoy0/ti79XlZi9e3U2W3fS2cBeNZWOqbRvILWreylY0vV21L1+5tT5At6N6E/z7"
    "ryQAxF2ahb7cGxiZA96/UG86B6eqOk7s+Jv0LkVme7yNsQ4d5R2P55SiBfMU9LJJiHQv2t"
    "JPZLFNCQBkkgD4AoPKZcxChKuDvFAkrt+/MhiinhYohcHMhGkzDbHbsugW/3VlYst2L5AU"
    "6mWxbLs49rjfykIs4miK2fn0fB/EHXiSUuwmwoMRxRa4KTrwkOrAmaqk/LFWxxkA6aECy+"
    "cq56yISOrop+BWZ3zl1f2xcx5rFYQykpAW2EgjkqSF3zJKG3Tg8XYLZ/Te5fa7GzFjtru9"
    "H7sKzF7lvs9YOw2N1mnuJBq9Vu0WLYwXK38E53td7hWO3RrsqOUYFmjMfTIZqyGfJhX8x0"
    "93WVYKeKRMMJ+UZz+b85GpHMB95kq9vcha1lzmhbhbXM7cUyV3wsDY4rMBtO1RpOZQuq2I"
    "IqfUhMsQVVbEGVA6fYFlTZeEEVGmvVNi1ieriodUnmaE/lqCVyGFSyxrCp4XBNB3WLkVEV"
    "a2w/b7mfPTxvcFu2rj1lkF3Vmzazh+TMmMW44fNp5bWCssTWic0q+SixUoPZKswKS8vxpp"
    "eMadOO9UxZKV/Keca4E7jTdeiuwfvH/KvzDsy/Om9lHk7Z9A/rTDZlcB+mW9E6k7/FXjfd"
    "mZxt7/sfsAPjoMmXXGowfHpjY7WXY0c38tVie+F0B2HYLzg+QWl9hEuULhjoD+RREUgxs8"
    "lhvN4lrGv4QF3D0LuaUnUB0rvNlQ58B2KjpeatlOphM0mIkwjC9QZxFdc/urehHuqW53lm"
    "YZ61RKaCWlQmuXB8M8O502heMZir/GZ7eT0QLjSDSepIO56fHs9WJWyl/nCVAasDfkPdbI"
    "jS9x7zUNLclvRfPD1cpfCRtKFO2v9NBOON8ZeyZ8d0knDiXS5jeCMGPY1wiMjDIlV/iGY0"
    "niIXR/InRGXADsXyMpSlEcB5iEHDzshbvpnVIg9Vi7Q7IKdCykUXFeeiXcO5qCk4NnZ7ix"
    "Kgmqh02F0AtkVvn4ZuuiDI6z2Shtm5Pdy1ArP+7wIrcul05gnWib5sQFpK4ciEs1k81R6f"
    "VZgls8DKGuOzAWkphSMsdImiJTXvNAi4q6IDGtC2OkqHQAEPU3+eRl85Um3RGMgNSBsW10"
    "Zwtiqtw3AZailuqPADYZnrUdwEtRQ3ZXMpW4ZuOHIVZlc6OHI4mTBQn8dhYyckj7EzJ5jX"
    "/UyNLTaSUdtF/z1v13/Pa/pvzuFaQfVFnJ0hmiKWOcH3zoiFiSBaldbqSFtsbf1ia0w9oV"
    "YHFCCWeVvU3lxlxRYS7Kdj0xYS/Hb614ahtItkhxmjbjMTvsVeNzwz4f1jRPn8MwmgV/mg"
    "KU6l3GK4MlRFtXV41rhrtEpIEGczCABBo8S9JzF6RPk1IMcAto+goSA8povadPGUIByzgL"
    "rI9TENhkgwRLA7hZMCIk3A1N0QrbLlmzVEq/wySG+Uhcere6Q68q82kOUQAllK3de9E0ow"
    "u8mCZnfUIqB16S/BLP1r01+Yr2r8rygEUQT1if2NWQLT+nganC4Bls/mcXoAiSi7S6za+B"
    "bR2ptD222h9eqYWp2/lf3D1fbMykl4jAkPsX/NwjjVyRr0vXKT4dPJ6G7aVD8dnYboZ3LN"
    "gh/Q3UJau1O6FPJpeA/bd085SyZTpYHJschCujo7ff0r2jQDo+XRdu2MZAN2jXzfBmjvkg"
    "82Hx+ffTU6RBcgW5IF+kTw3hRew2jei7prSzPY3Gor4NrcatvNBusxqk7WxzSFoUGHKZ7u"
    "oL+oklZZRoSGzyoFIDZGOK2KdQl7KuWayNEdbDNyh3IZ8xgx5V8ajxen1F/HDWW0fDKOm1"
    "1XO7hnowerUN4pk5Wt78og8cXsUl49l2r09c5Nq5v9Vofs9k7b2gnDuky2ye6/GOxw40pG"
    "NJx8ZZDNoKgr6MDQWspFCWh1C+N0i2IngzS6RhcXYDa82eT+VSVTnLwfuisHZdxB50nuQD"
    "EwRFtvV9S76OhaevkVArITqQwP0T2ZEw+N5iigIX0ZcTbhOEAsIuDyQ++wj0OXCIQ5QR4J"
    "GQ+wT4VEwP5eyj3oE28CFxLyoeVkgEMB2jILGz2QO7qtdVMa/L0NVyji6QDQkbWXCOuUtE"
    "7JfRMcSYK0HGMLQP88Y5vf6keRlVaJ4VoFD2rA/rG9YbU8pO69tpO3gOkfwZufLGj4QGMY"
    "lnoVQCuw3i17m9+dPWXMc0Zz7XCRGrRHxqYdx4yMUqFew8xXQBy0ErvpykkaFBYQlkI4kp"
    "ZM1GBwCbAEwpGYEi4n6weis+VtGWSJhCPulLj34MdQJYs0yKwDLaFwxMcidnJyPNygIYBd"
    "vMUm3oBdZRw/vEV/BZVg7LZBiJ2H7WHWWLCVNb7FXm/wM5lUWeMmiUfs8SMRAqvFoOb7KD"
    "cYrnKBMNXUCdK23Vwh7d3/tAvhl0Kch6pYieOYBJFyrf5q/QtG+hdslNQWS6J6xEsi4twT"
    "LdtsGdU/a9Y2tu40OPfpGzBkRXjuM9zAfXtV1ALkWVVRTZtSVnC5lbKohxGLWbS6lVkvnj"
    "CzfkUmxOiUsSlCrCUCjlTFwRqXq5WpBngPNarD1aAaIjHBfKRd+qWM6p/L1NZ/sV+UTY+1"
    "3WxmeuyPeB7AlpQNVqf81HCVvSlKG3WOuRWJ6xIhxomPMig6uv189enL1fXth5tPJ19+ur"
    "5+/+XL8XBRhIchnOeyjuYq6lUCIbE1DZMdVEbLtu7RxRRWUi3lROvR7BO0ljAzLWGFkGnN"
    "zNc6sndGm82HLrIkduTtPCJnQh2yqzibCtuhMpA71RvRC0APzbybH8pyRdSjdwGw9HaZKf"
    "aeAmHS7PCtmc/7KoiUBA+5mine9ISOAmqHpty6DXdzY3vjgc7pDqRjorOHdAlja2Y3+3vk"
    "Z78Otw1Iy3BTKGTCOQldLb9xEbPD+eD60//Up4T8oIGJPJlFoCWL/Imd7ipYa0szzpZWcd"
    "1htyG0fYVkvkBY50Mn58O+gt9NY3rD8z8n40S+iae5vFZh1vk8uCxbXzUn/ArUVocxebq3"
    "jtBvoputI7S33WyWI/SzWk0H7e7QrMGwg1PUSZfmdXyjKRIdfX7/958+/a3gsZSMCzry57"
    "KFy7gH5YPImHGCaCxyb+cTPtHnX9tWFjLazNju70y7XtPVWQL1zsu5ec8beCszzvTdnCWg"
    "JftJss3z4JvkOPr2XPh7tLVsfnBnk8E69gBraR885ctYi90mqOW4ycNpvXDWC3eADBvmKr"
    "Kmw63ZlCIfhyFp0kcZ8wkOW76jJarSvSMJ29YHtDhS7NNmQ8Im+vLdzc0/S9347kNF1/z0"
    "08d37z8fnan+k41oXFJBCywzGmol0i0B1km0/8pdPacTR5FP17Irl5F2pjd5prdOot52sy"
    "neA1i03iXuPWlOpSqcHq70HEBDZ6RadvQbvMdcyiMoXTbRjMZqw3LKEZuFiDxGlM9/QAJy"
    "7gXyOJ4hwVhIRPxSnZNjA40pF/EJuvPIKL5DUyZfGLk+nr0EbgQaEZ/N0Gndq7DTO2vnX0"
    "HNAzKQbX7Jfg5hF295YyJUSlbpBCdS4hNkcYJAjWwn37vQejKM82TsLXrdtAl8P/Hri+9D"
    "i/0iqkfS6I65X0xaXW3vC0APje4bDhSmIY0p1olrLCD6NJ9sMKoxkNfWq9ddwlhWm+ZfJc"
    "hIvSSA7Tw0qK0DbbzokhexhopYRlpDgGkaYnkyWoj5mr1cRtpeNrmX0y/S4UmDf6xdSiqj"
    "+pcKctGlSt5Fe5W8i1qVPGtW6+3nZJJZ7b3ar6zNqvY+383sKaMaKJ+0Y0XswYcgSBQ+22"
    "ITKgWRE3RHPRJAld47RAVKBxuK5OnUrnCpSgexkCBoF7EYUjPlOXeKQyoCNGY8s5bVjWk7"
    "uWODEa1iNctvlxq+2q1rYBpTFjSWcDczsxW+ams2s2Yzoyfo/ZhusOs262srslOXkB0meO"
    "MHTNMr1PgvnzK0fq+uWrwPdfiAzA12x4AtDla1Ub2WppIDeqikdLHnXrQbdC/qpR9SAUWD"
    "3iWif/z+qUu1nT+1V9v5U63aDk98oi1PFEDWD7SuMLEQ1TXGdhHTx8l5G4XSsg1YHTyOSU"
    "Nl89ZBXsNZ0cKAgMbeeS7AktGwvrVvw7IAPGsTFsOm4BWUbWUPFmv7XKcrrO1T0/Yp3iXe"
    "ZEVMYX5++KT9Uzgj1bRrNYIwTLCfx/alUHSEEUTqIZdQX46A4xMEd7tUFQUEkXPH2MeThu"
    "oDz7uWrTZgtEDabmycE6wjL+XNN7Osm8D/xtb49Jtx2nJpVg3pGrRPUuiONS45qYeOZIky"
    "ZxRpjOwabnd98Pb0tCa85sfMGNsw7euosHn7HVrD0zWpbgovHDckltEQ2eULi66EoJOwbW"
    "+ZcoOV0otgkYMXbTuKLzchQZOEeuSFQEIOJYLYGGEUY3F/glQ87KXa3AW9/CvywH36B2IP"
    "hHsJQUf5j/yUiKnvI+WFEUPkS+yxbO6Cbu/7pGEHml3e/Gv4NfyZXLMACQri092MuCxwAj"
    "Gh3p0UsjwPfjuwi14KZjxv8y82km2+uwuYKla1bJ/+DY97PMwbpztI3n0Nj7LdG+EpUk1G"
    "/hKwx44U2TD11d+L5zv+Ad1FzPeltnOHVASVUB5rKaLLbwjBqRN0x0kgvz/VBofe1/DOI9"
    "gD/3d6SBLosojKK4+5fFHAw8MhwbJrAZpwwKbu8IzDAPN7hQYi5ZfnURgeUhL96UdQLto9"
    "4nD1ZRbJeLxIBKltfJ0lj2SPX0kqKbxFeqZIZaqtKGast9xQAbYwDrp3QQFkRa3nJDmk35"
    "0W90XUtsjv62dQ5J5xfZ9OEWWdOutyz8kEnlNDHl4i+ueu3Hz9snQJllI716sWV8X1j+vN"
    "ly87hEQ1tW9UXbNbHN2MV7KTU3KFT7JeGM6lUiDWK6xSBlnnGRyBlHOWaNFYhFgS04GV6z"
    "81Fp9KqikAbU6NaY6wYh8XdVnNXq5ArcfT6I7OrCnrf862JtJB9HNmJFujm8tI28sm97JU"
    "WiKfrBmoUsHanj6Mnn6gWEfpqgH7p9puXgEjD9QjoV7cXRFjQ+/WD72relH0TDgF74sd50"
    "+O84I3UZ/qBayPTG8h0LzgltUnewGzZHfb/jz3eutQXQJZojVGdaob6tjZajhrbIMjecyA"
    "pjBfgFk53mg53iYW9LWbzQnO+5y7ggbNsXnL88OnQvPKXqUu2xy6iYjlOsqzkDj5Pz4B/R"
    "PFU86SyVSFa6n4uRN0J0jo5cFnKKCcMy4QBDRPZNsIQttUiyye7OgUhUw9dGX7w63f82sI"
    "MXBDdIbSf8/hoLzbmEtuvCF6paLSVHiaTwMaQ2BcjCeyg1RhF0FiNJuSEGWxfFM2E4tAtx"
    "fyJ56sqOBSCDkijzHhIfZzV3U9bK2xhQ0+s8FnJk75eyrTsgg31u6AGtSGoa3bC9WJSkNP"
    "a4D2MNt98xE7eysPZZhCsZ8Bn0WWNHC/akOqAspuSNVhQ6qCdKdhjaigejTIN1eIQImzmq"
    "N3CbKDt8vgvaegcmGhFyNcgfXPcrmZQGFzFPRbKccPmnVzdWr4lFoOikBnjTzPDkNTDPE7"
    "KGapLiwuM0VZoKM8vF8MURpxLn/k6RbieChV3YWOLcgkUEow2JkaSp1u+4aQE5dO1ZdIuF"
    "PiJZCVBhl1VEQ4hiPoaKy2cURy5Swn1KG7bEF1RtHdJRphIdXzrHQBGyudPIBryHf5GuZP"
    "IOQjuozDq2CBsgugIzABgDlAPi3g5AiOOfORMiPkFyPjMXFjiY8YjzvvdLRcieQvHtsksn"
    "1LcSv0+Gys6+vyZWCPRI4dy9W2euXSw9el/t9Ze/2/s1r9P/WvBrl5+x6Su3l9HFaMxuKg"
    "7VFGBcizgoxMo3rXUUaZHKJDfQFiqX8G9Zk4p0N9AWKpfw71uTRZ436177mIs55n4zzPNp"
    "PnG+zoLLtuRMagSMvfSUz08kVb8DYQa7C0u+tVAiuDLJHZ2qEZyf3MGO61GBwsLEmD2txT"
    "PmVmJHelhFbH8VpB2QGbTow2+34jRC7tsesII1WwjWs1WRrJo1NHDfsVrLKClnHWCLquEd"
    "TGFff2MzPIbZm5LAYtrsv89PBJ92XWsrMLk5NEqN0TVXgvWPDRjMZTRGOBsgGDMtPoiTp9"
    "CeUoeZhWsqThA42hPm8o/wik0OMERAj5muiPBu/l1u71NXRZEMjPIp7LcxAaISEn6C672B"
    "0azbPrxeQxHsIWkfdDhOMYu9PUAfpbQv8P/S6/KgE3EL/8/tsQMUWTkA1DMSNcDpevYaTu"
    "i/m97D93imM17NGRkPfzoR5p6qKUz6cSnsB/iSepL1a1lr9saXbzZ/92p6R1iVmXmHWJWe"
    "fAQMc5YEVIK0JuWYSE4uJXvs9cnPVAXYysNFktSkJjBy9adxQnf55Sd4pGiXsPkWgYqcsg"
    "j5OZqkA+hMrjWIqBD4QL7EMxc4hVE4g8ysv6cySHtyAL/BHjVApysiF5jCifH9cj4nZxQy"
    "urHaisBhvXz7Wjx4oom4O0rtUk/aS0yS/BbCLe+ol4dh/vwXMN7qYs7RC6/ZNQC099UV+c"
    "XL2cq/BvyOnruJB/gWUyCy0fqv1ASAzR2rBTCPYCGopLBEW5YhpTuZyOGc8TsOFOiw1FoF"
    "eYT+rr9haub5dpo+em9mXaav1b1Pq5/Dx0yM3b95DczdurjNoTYb8zyZaHsVys6EPDQF6Z"
    "IrkE7TBFMme9SPKiJ0xOkDR175q+LoiFiHl2T0LhPGCfestN73XMhM1XsHEdplkLrVG422"
    "coX9C7Cf15NgIPpNuzj8VYGzHM1YNGJRJODFcrkGA27RpTEE3ngrrYRwp2mel5aER8Fk4g"
    "Z5mF5AcVBCCytGWU2WVBscuSln9AGEV4Dm50BA8sVJiAateUGb2Te1od0+gltV3HdDX3Sn"
    "Y3uleyQaL55jeGs+r7NtX3Xe9qaJrzYsuD1+qV29YrrZhrxdydirm3tNlVoo6vFHJj2tk/"
    "8lEV7hNTGiGfPBCILMCqPM5oDiGgs3iKpDIO+9KHEHug4hKgdC1Es4pl0GsgxxONfHnfuk"
    "i7nVtYCfZAJVg1BjQcuov2m/HnmtADG0ufsiLrFkWqdG5y4qlcTSBrV2PMNkFtOELDAF5O"
    "6npZ1DXc7tg9O5X/VeldHPzmozxAOpETUDhptNAVzj4pwTiuathNkGmn2goKByoo7K0UtW"
    "mmg7348iDq2NGV1cogu+I1+ki1WS1CLKeN5Rh0yyE/sxKycYRuWRS2tq9W6g/E1mV63s/P"
    "RH6s8Y94/onFdEzbs3+aG64UJmcEUpYjPJcvvsR0NJC9fyB8juT/JJB4qHiFIWKhS1BEeO"
    "kwoh7Urk6rT3PiEvpAvCGKOHOJEPCTTkLGideQBrT1u1lp2Gj5a0VwcaHPNfcsbYD2zh28"
    "eY+llLjCtCqCDtdlVA+Fi4vTDkRfnLYSDaeq0ptgCXeJNtc14A5rwQ1qZBvN8FiP1/HabB"
    "oWBrv1qIZ0BNbZba9FUMQ8qxjB4YS0bqtQ8SEUjcxFsvqEUTpjZslIKUpTEEa1qsaWQTs0"
    "zFcZPnu2zLcxC4WPRewQ2EdWZ8CWUf3bs+n89esOI1a2ah2y6py1VXwjtopiNy8U3DU6uo"
    "q1+SWm9bQxVimXBe8fWrZJL5wdPmF/YoGjNMPOmQe5CWiIPOLyeQQ7lbvY9+G9hsu9xtLS"
    "7IjGsIW4PCU59Ik3gV3IQm9pBIJQK4xmjN83BWht9W6wFdtdqhXfk7na6tyTd5Nyjypss9"
    "gWDTIVjlQ7VWEwnBAE4zbdN416kMAgH4mDWDFE12qmvpWf5vFlmk//QnwNOYnhtHoYL4l8"
    "MHnIP+V371OPILCVyYt7UrqmoRS00w5BadCZx07Ql8yKBqV3oFLjy7/m75T95cEe8X98DT"
    "OLGjpKQuAgRNlz35MoVin+aeY/bCs3xhS2njua4AeCkgipnDaUEQKLIY6h0mUs7rra54pb"
    "v4XkMc6vYHeAM9d4txj/+qakDNQ7g93Zmy5mDtlqRRp7zdBBHhoLAz7BcV8tdW+72JHett"
    "uR3tZEazUva9vpKjBLdQeqIzz3GW6YtNsNSwWILXLZf8NSJqXU7UrFE2aalXKZR8OoVITY"
    "rTPgSFX2q3G5WgdugFuLh3F6sLUhPjU7bcWGmJvm1/iuKlD7TRn9TVkrYp972hAr4hXh1J"
    "0OGiyI2ZnhKushXrYxJgniWzEbPVNYazcIQRlvzXoIBUgPNeitLOPwUWkwnDXvIbtnp52M"
    "bacrjG2nNWOb3YdjpyaKvS5m//5/Y//PXg=="
)
