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
        DROP TABLE IF EXISTS "sop_templates";
        DROP TABLE IF EXISTS "sop_assignments";
        DROP TABLE IF EXISTS "sop_tasks";
        DROP TABLE IF EXISTS "sop_send_counts";
        DROP TABLE IF EXISTS "sop_recipients";"""


MODELS_STATE = (
    "eJztXWtz2za6/isYf4k9I7u246RZd7czjjd7mjObuJO4p2e36dAQCUmoSYIFQNs67f73gx"
    "e8iFeZUCSZotEPjUzi4eUBCLx3/LEXMI/44ujC+y0WMiCh/ER+j4mQe+foj70QB0T9aG80"
    "Qns4ihZN4IDEY1+jcN7c4Ul7fR6PheTYhTtMsC+IOuQR4XIaScpCAF6gAIcx9tHiCgiP2R"
    "1BWJ3ht0QS/kIgnwZUihG6x1TScIomjCMcKlBAQ3XaIy4V6opHcFOPuequqtUGrv8l/BIK"
    "iSU5RxEJPWj6J1K0cHVFT/3k5DfiSuIdoQt9EBqo0z4lAlGJ5IyzeDpT/xLkE29KOIpDT/"
    "0fDtyS+ZfwRt/yMHna879SjwQRkyR05446//0N2oemi5cRLxC7DxH0noiwSw5GiIb6ckId"
    "Qor9UKgOUM+OsIDj6fMjd4bDqeoQweDBqEgf00PkQbX354iFLkH3M9X2Ln3AMA7G6iebIF"
    "edjDnXZOr3VJ2ruY9DqnrfkWxKFIKrHvjll72AAM6hHrSovNHer7/CQUXCAxFJc/18SdPk"
    "bHTrTCjxvdI4Ta6mjztyHuljb+n0fSj/odvCQBg7LvPjIFy0j+ZyxsIcQEM9rqckJFzdFO"
    "4geQzDNIx9Px3c2chN3m3RJHnoAsYjExz7MNgBnTzA4tie43y8unY+v7t2nL3ah5AhCmM3"
    "PaS4ho9IParQBEzhEQ7/cnr68uW3p8cvX795dfbtt6/eHL9RbfXz1k99+5/kYRZsJZfSnL"
    "3/r/cfr+GBmPpSk68ZDvxHY7DECUr3TWGWKHZp904owR7vi4z5ZZ2RHVj0xmKmGVh3LOjH"
    "AYsTusrctxK/AAyJ9dOTs2/P3rx8fZaTnR9ZxnGdT06wUE9Q4/NyhnkzoQtEhVD1mLtIaI"
    "AfHJ+EUzkDFo+Pl9D3PxefLn+4+LSvWh2UB+rH9NRpcq7McXXiNyC7ATpA1k86sX6yhPWT"
    "OuvkIaKcCAc3zBZ/V0xJGpBm0svICt9eCj3KfnRgP10l+0L+Eq6v33949/n64sOPcPlAiN"
    "99TdfF9Ts4c6qPzitH919XuiW/CPr5/fUPCP5E/776+E6zyYSccn3HRbvrf+/BM+FYMidk"
    "9w72ipxkh7NDpV7ORaauX1QO2N53tJcKzHu1/iyeWM+H1Ok7WvIZVb+iVKchnjM2mriquA"
    "HOWmddyD5rJ/usRjYoW54x1WXUSkT3bILaBs+g1KpZxWzyqAGHx/ZGJKBsiJqvxWWkXYv7"
    "vBaTUPK5sWZcRK2kovWsR59GL3aVWiZX+sLKyDV8YX1btXf9EwND4OS2YIyCA2Ps3t5j7j"
    "m1M+yUtbWtnwpOg+oRHOKp7iRgE54zs4vDJS7BmKKtm3W7efH8aKnJXD+MmzTtaC3/kXCU"
    "2NDQA+KxT9Q/EeGUeWj/hXf+L/Xf4YcPh3//+wv0Gey7M0yRh+cjxDh64dMJeXGAYoHB7g"
    "sWbhdHom4y39RNHrcNw82yOVDfsGYdtuZgaw7u8yz7NMte4bvpTn7xY7PUr0p9Ok/VmG/X"
    "nhaIAVoDTl53Mb1UZYeC6eV1VWlyDT0d7vYdHcdVao+/ehSvzbMRMX3l7vwtAM+XwJ7Imp"
    "c4iDCdhk1yZn5uqYzppq06ipcfEqlPCXPom0wEDFgoZyhQ/UIhPoALtD/GggqUDBT1yb86"
    "Pj5Gf0MnR68eDo7Q1R3hvhL5znXIwIxOZ0RIdE/DBklzC/drEDqtSNmfhbRdpNT/GiyrWf"
    "sBLqqvzzosqq/PWhdVOFVeFRaflzOODBaHGm5IkuMaowmS4CjXaACXUQMcxienXWTD03bZ"
    "8LQ6jIXEXK7i2y4BrTm9b7a+sjndWyl6YQGz/dvn/lXCn8Mmjhb7DFaiKmxAPpO1rUOmnF"
    "oyl5B5T8itGnQGdBYQltA6oeSONFom/vvz1ceWOT1HVKd06kr0J/Kp2EFel5AGVJTm8UwY"
    "2v9w8b9VOenyn1dvqxM0XOBthXcJ0ruvuPSNyK/AbA+s3gOQj3HXoBu8ZcwnOGyJ4M5BFe"
    "rHCrUp3SAzOxRJz00R6+b67dXVP0tcv31fsRp8/OnD23dKR9DEq0ZUtljlbRxA+zSuXtC7"
    "Cv152pU7Ikumo66vYQGXM+Le0mZLbXpqtNRQmzTqZqdt7+vHXewgkFin+k5YQK1T/Uk9u4"
    "3CPiwerQrpYyvGDlK/hEWY8Wv2OLW43BqoSAvAkAbq+hR4fEviBvv8UkFxAdqioJgfKbJq"
    "unpZUbFfw3lHRMO+h4xesiBQXSrn7yHSM0nGbxQUm9otlxozhEMXkI6+/quQoAIKcRIxro"
    "YmGs8RRoLF3FWoZChC+Cfaz45xMjk4QpBBFotzpMNYde0DVz2o/hEyde0/9ypjbPN3/BJm"
    "NRn23VhIFqhrhExCpYcktmBO5IFqnWQ2emgfTnIypUI9lPr7nspZWjzhXn1y7P6gPW41eb"
    "QsbpVMrFDdJymuXagu9Vv3TijBhiSrbDtSVX0pNeKX+cQnDYQPwxn+ppM3/M0Sd/ibqj/8"
    "Vr2aCb1Z+wHy+7JLsMHL9mCDl7VgA/KgVokQ+04sCG+aP9p5boBuKGVyqxP6poOUnsr+0T"
    "Oan2SinnIWR43ctw/zImZ4KcHrH+CJQGvC8AIxwCl7/fFhSn+E560R3O7lXCCsg3N1Bydz"
    "dSjjKkaVCtRaVaxV5RGrymetmu0tM6ikTUbdbCmJrte5fqUS6e4IP5TsMPmFXOz7SZnEmx"
    "+vPl+jb/JLf3N38k3RUpNWc9TrJhozOUIY5Y2RZMw/aKpoueE7Qo3LayggSVxOJBKQP4Ky"
    "qp5o/4cPF5eHn3+4OH31+qBQPvKWRPI7lBSnDGiILn58j8SM3eu6l1BLUt1KIm0zzQp12t"
    "yMXguDNjfjaaRC/dkZSYU5YoAEb8RQYiOwrFvNCoC7LgCGUn2S/2C+rx+uQfwrNlgq/N0T"
    "JQSpMagBzkQjOgqAl5mn6a+H36NpTD1yju5nTElB4KNSv4JRXvb7fkbdma68HRIf7d/oKo"
    "w3SorCITTVUhCIS0JS30czpmioy3+bvmFW4ly72vSUp/TeGfYnaD+9BVWfZCyRkjzphLpa"
    "nhtpR9tciYtBLGPsH+ha6AFURXfGSqSWeDIBB13hWOaiO0LgGIw4DTCfJy+kvX+5Cw8HLJ"
    "wmkmXyOCwk4gjd6HBwByaBGxBAdW3zSz15XKtjIA3rMutYSKSbZhXOtdCKQ6TeVl09ORVx"
    "pkR+od7OXxRHF/BSM0V7uxuwwbKb/rL+wJ0QZXtg1e/b+rRpAdec6c0TPCS/iZ5szT3cBd"
    "SA0pW27DbZciHmvnFuHSbbJPi0W43aJSVqazX6hZMKYoa6cRloA087aMhamF5BPy7irHbc"
    "O+247H9MtB3zTi4jbQWDPvfyQg81k7jKuJ2utrYFKatfVqdrPN1rNznB2VF3e5PE087eRp"
    "fxCCkAwpmpJAb3GrjxMntKg8ewI8rQxKHfaOpYY0efvpORNXYYdcwzNHYMiuB0BjIgeIGw"
    "1qRmfnuz1vKodaFNTnVaZXlksMRC5AtAXoh8bTyEldNVk6rPpjFB+zhZSkMPUSmSWJqDkQ"
    "6Agb1XxTx0IaUp8SE4+cSpMPWleeN3szE2O7pWP/289rSdsOFlw4YwbZDcJ0keeAbrcp1j"
    "02FcRtnB3IFoxr1kK5/uK2EOsUadxxbA4u54PgFO6kwvczwUUNbr0MHrEEfeinF5ZaT1PP"
    "TOJt0brS2O2gpc6DOj5WkY0MaghkUCWNR4SILYEBVCqT23ZI72IzwPIMYr38xMkiDSYV4P"
    "KDxAUC9H6PZQOSLfalzWlbXN3+5xba1Szi0JH/jV6nC91OFcNb5NpLOs/eD0t9MuUtlpu1"
    "R2WpPK8g/OhN8SaHAkbyRTIpu8jOPJKsBNScJDnVR6UAahb/LZE23wlyznxvyXcbYOxaoF"
    "g55ia8ueBcs8DfPWQrpBo5Kt1LTBLUNxAHuAOmwycSYkrNPcOm/UgQOaPta3pSjhLklpMt"
    "o9rg609DYV/X1wPCr0PraG47cJailuoJiGjoBaoab8VnE7bd9fG5132KeKEs4CU5tyGWlt"
    "yr2zKde7WU0t1F+tn3Oo7ehed/SWk9hW6srElpc9SvPxtUinXXKsTtpzrE4acqzgAVdwwJ"
    "WA9hPq9ScUi9V8rMLm/OxO/2aFLYztU03oAcnpWzZUaTZ1yI3qLpNlqwa0OdidEhoy0syU"
    "pzpwQEN+bbrUipq/1fofp5aTO3a7YjZuEWlX5j6vzElfOZxgwRq+oGV7TVSAdjV4fDW4f4"
    "gwyDHMvTWM964jLd9d+WaxdNKCvIYiTxt+eNxvJBomoS+JAVxpvJegwyN9cxOMaeGfKm54"
    "XK/fMpVwRjhnDfkOj1Gdw4bH9OmrV13CF1+9ao9fhHM9yquFSehHdS2sReyWQO2swejxeG"
    "0nStp2jNv+TO7UYPDzyOgkHpp4KAt8PkdUnRPob+iXPwqBhCP0e4xDSeX8P7/Ww7PXdlWb"
    "M9try4+tS/8kK7H+durstu+lkwO+aiudvtG8hNaN7KVjS9XbUvVPN6eoF/SuQn+eduWOGI"
    "rSUbfcg2MTIQfW6w3mQf30vZK6P8X+EpFbn+0ib0OEe0dh++cZgXzFLC2RYB4K/beW2M9R"
    "QEMaxIE6AKLwhHIhURRzd4YFlNr35yMkKeFihFwcqEbTMN0duy6Bb/ZWViy3YvkOTqYbFs"
    "vTj2uF/KQiziaIrZ6fR8H8QVeJJS7CbCgxHNFrgpOtCQ6sCYaqT8sVbHGQDpoQLL5qrrpL"
    "hY6uin4FZnfOXV3bFxJzKVZQSkpAG6HQHxWkrnmS0Fulhwsw27997l9rsbMWO2u7MfuwrM"
    "XuOfb6TljsrlNP8V6r1S5vMepgucu9012td1jqPdp12TEq0D3jcjZCM3aPfNgXM9l9XSfY"
    "6SLRcEK90Vz9b47GJPWBN9nq1ndha5nrta3CWuaexDJXfCwDjiswG07VGk5lC6rYgipDSE"
    "yxBVVsQZUdp9gWVFl7QRUqjWqbFjEDXNS6JHO0p3LUEjl6VLKmZ1PD7poO6hajXlWssf28"
    "4X728LzBbdm69pRBdlVv2swekjMlk7jh82nltYKyxNaJTSv5aLHSgNkqzApLi/Fmloxp04"
    "7NTFkJX9p5xrgTuLNV6K7Bh8f8y9MOzL88bWUeTtn0D+tM7svg3k23onUmP8de77szOd3e"
    "979gB8a9Jl9yqcHo8Y2N9V6OHd3IF/n2wskOwrBfsDxCSX2Ec5QsGOhP5FERKDGzyWG82i"
    "Wsa3hHXcPQu4ZSdQEyuM2VdnwH4l5LzRsp1cPuFSFOLAg3G8RV3PDo3oR6aFqe5ysL86wk"
    "MhXUojLJhePrGc6dRvOSwVzlN93L645wYRhMUkfa8fz4eLYqYSv1u6sMWB3wGXVzT5S+d5"
    "iHiua2pP/i6dEyhY8kDU3S/q8iGG+MH6qendBpzIl3vojhjRj0NMIhInd5qv4I3VM5Qy6O"
    "1E+IyoAditVlKEsigLMQg4adkTd8M6tF7qoWaXdAToSUsy4qzlm7hnNWU3Bs7PYGJUA9UZ"
    "mwmwM2Re+Qhm6yIKjrPZCG2bk93LUCs/7vAitq6XTmMTaJvmxAWkrhyJSzezkzHp9VmCWz"
    "wMoK47MBaSmFIyx0iaYlMe80CLjLogMa0LY6SodAAQ9Tf55EXzlKbTEYyA1IGxbXRnC6Kq"
    "3CcBlqKW6o8ANhmatR3AS1FDdlc2lbhmk4chVmVzo4sjuZMFCfx2ETJyQP0pkTzOt+psYW"
    "a8mo7aL/nrbrv6c1/TfjcKWg+iLOzhBNEcuc4FtnzMJYEKNKa3WkLba2erE1pp/QqAMKEM"
    "u8LWrfX2XFFhIcpmPTFhJ8Pv1rw1DaRbLdjFG3mQnPsdd7npnw7iGifP6JBNCrfK8pTqXc"
    "YrQ0VEW3dXjauGu0SkgQZ/cQAILGsXtLJHpA2TUgxwC2j6ChIFzSvDadnBGEJQuoi1wf02"
    "CEBEMEuzM4KSDSBEzdDdEqG75ZQ7TKL3vJjdLweH2PREf+1Qay7EIgS6n7undCCWY3WTDs"
    "jloEtCn9JZilf2X6C/NVjf8lhSCKoCGxvzZLYFIfz4DTBcDy2TxOdyARZXuJVWvfItp4c2"
    "i7LbRZHVOr87eyv7vaXr9yEh4k4SH2L1koE52sQd8rNxk9nozuJk3N09FpiH4mlyz4Dt3k"
    "0tqN1qWQT8Nb2L57xlk8nWkNTI1FFtLl2emrX9GmGfRaHm3Xzkg6YFfI922ADi75YP3x8e"
    "lXY0J0AbIhWWBIBD+Zwtszmp9E3bWlGWxutRVwbW617eYe6zG6TtaHJIWhQYcpnu6gv+iS"
    "VmlGhIHPKgEgNkE4qYp1DnsqZZrI/g1sM3KDMhnzADHtX5pM8lP6r4OGMlo+mchm19UW7t"
    "nowSqUd0plZeu76pH40u9SXgOXasz1znWrm8NWh+z2TpvaCcO6TDbJ7m8MdrhxFSMGTr4y"
    "yGZQ1BV0YGgl5aIEtLpF73SLYieDNLpCFxdgNry5z/2rS6Y4WT90Vw7KuJ3Ok9yCYtATbb"
    "1dUe+ioxvp5RcIyI6VMjxCt2ROPDSeo4CG9DDibMpxgFhEwOWH3mIfhy4RCHOCPBIyHmCf"
    "CoWA/b20e9An3hQuJNRDq8kAhwK0ZRY2eiC3dFvrpuzx9zZaoognA8BE1l4grFPSOiWfmu"
    "BIEWTkGMsBw/OMrX+rH01WUiWGGxU8qAGHx/aa1fKQurfGTt4CZngEr3+yoOEdlTAszSqA"
    "VmCDW/bWvzt7wpjnjOfG4SI16ICMTVuOGRknQr2Bma+A2Gkldt2VkwwoLCAshXAkKZlowO"
    "ACYAmEI5ISribrO2Ky5W0ZZImEI+6MuLfgx9AliwzIrAMtoXDEx0I6GTkebtAQwC7eYhNv"
    "wC4zju/eor+ESjB22yDEzsN2N2ss2Moaz7HXG/xMfaqscRXLMXv4QITAejGo+T7KDUbLXC"
    "BMN3WCpG03V0h79z/uQvilEOehK1ZiKUkQadfqr9a/0Ev/go2S2mBJVI94cUScW2Jkmy2j"
    "hmfN2sTWnT3OfXoGhqwIz32GG7hvr4pagHxVVdS+TSlLuNxIWdTdiMUsWt3KrBdP9LN+RS"
    "rEmJSxKUKsJQKOVMXBGpfLlakG+AA1qt3VoBoiMcF8ZFz6pYwansvU1n+xX5RNj7Xd3M/0"
    "2B/xPIAtKRusTtmp0TJ7U5Q06hxzK2LXJUJMYh+lULR//eni4+eLy+v3Vx+PPv90efnu8+"
    "eDUV6EhyGc5bKO5zrqVQEhsTUJk92rjJZN3aOLKaykWqqJ1qPpJ2gtYf20hBVCpg0zX+vI"
    "wRlt1h+6yGLpqNt5RM2EJmRXcTYVtkNlIHdmNqJzwADNvOsfympFNKM3B1h6u8wUT54C0a"
    "fZ4bmZz4cqiJQED7Waad7MhI4Caoum3LoNd31je+2BzskOpBNisod0CWNrZjf7e9Rnvwq3"
    "DUjLcFMoZMw5CV0jv3ERs8X54PLjv+pTQnawh4k8qUWgJYv8kZ3uKlhrS+udLa3iusNuQ2"
    "j7Esk8R1jnQyfnw1MFv/eN6TXP/5xMYvUmnuHyWoVZ5/Peedn6ajjhV6C2Okyfp3vrCH0W"
    "3WwdoYPt5n45Qj/p1XSv3R2aNhh1cIo6ydK8im80QaL9T+/+8dPHvxc8lopxQcf+XLVwGf"
    "egfBCZME4QlSLzdj7iE/36a9vKQr02M7b7O5OuN3R1lkCD83Ku3/MG3sqUM3M3ZwloyX6U"
    "7P558PvkOHp+LvwntLWsf3Cnk8Eq9gBrad97zJexErtNUMtxk4fTeuGsF24HGe6Zq8iaDj"
    "dmU4p8HIakSR9lzCc4bPmOFqhK944VbFMfUH6k2KfNhoR19OXbq6t/lrrx7fuKrvnxpw9v"
    "333aP9H9pxpRWVJBCywzGhol0i0A1kn09JW7Bk4njiKfrmRXLiPtTN/nmd46iQbbzX3xHs"
    "Ci9TZ2b0lzKlXh9Gip5wAaOmPdsqPf4B3mSh5BybKJ7qnUG5ZTjth9iMhDRPn8OyQg514g"
    "j+N7JBgLiZCH+pwaG2hCuZBH6MYjY3mDZky9MHJ9fH8I3Ag0Jj67R8d1r8JW72ycfwU1D8"
    "ieavNL+nMEu3irGxOhU7JKJzhREp8g+QkCNbKdbO9C68nonSfjyaLX+zaBP038ev59GLFf"
    "RA1IGt0y9/mk1dX2ngMGaHRfc6AwDamk2CSusYAY0nyyxqjGQF3brF53CWNZbZp/tSCj9J"
    "IAtvMwoLYOtPGiC17ECipiGWkNAX3TEMuTUS7mG/ZyGWl7uc+9nHyRDo8b/GPtUlIZNbxU"
    "kLMuVfLO2qvkndWq5Fmz2mA/pz6Z1d7p/crarGrvst3MHjOqgfJJO1bE3nsfBLHGp1tsQq"
    "UgcoRuqEcCqNJ7g6hAyWBDkTqd2BXOdekgFhIE7SImITVTnXNnOKQiQBPGU2tZ3Zi2lTs2"
    "GNEqVrPsdonhq926BqYxbUFjMXdTM1vhq7ZmM2s26/UE/TSmG+y6zfrakuzUBWSLCd74Dt"
    "PkCjX+y6d6Wr/XVC1+CnV4h8wNdseADQ5WvVG9kaaSAQaopHSx5561G3TP6qUfEgHFgN4F"
    "Ynj8/qVLtZ2/tFfb+Uut2g6PfWIsTxRA1g+0qjCRi+oGY7uIGeLkvIlCaekGrA6eSNJQ2b"
    "x1kNdwVrToQUDj4DwXYMloWN/at2HJAV+1CUvPpuAllG1kDxZr+1ylK6zt09D2Kd7G3nRJ"
    "TGF2fvSo/VM4Y920azWCMIyxn8X2JVC0jxFE6iGXUF+NgIMjBHc71xUFBFFzx8TH04bqA1"
    "93LVttoNcCabuxcU6wibyUNV/Pst4H/te2xiffjNOWS7NsSNegQ5JCt6xxqUk9dBRLlDnj"
    "yGBk13Db64M3x8c14TU71o+xDdO+iQqbtd+iNTxZk+qm8MLxnsQy9kR2+cyiCyHoNGzbW6"
    "bcYKn0Iljk4LxtR/HlKiRoGlOPvBBIqKFEEJsgjCQWt0dIx8Oe681d0OH3yAP36Z+I3RHu"
    "xQTtZz+yU0JS30faCyNGyFfYA9XcBd3e90nDDjTbvPmX8Ev4M7lkARIUxKebe+KywAnElH"
    "o3SsjyPPjtwC56CZjxrM1vbKzafHMTMF2satE++Rse92CUNU52kLz5Eu6nuzfCUySajPol"
    "YI8dJbJh6uu/8+c7+A7dRMz3lbZzg3QEldAeayWiq28IwakjdMNJoL4/3QaH3pfwxiPYA/"
    "93ckgR6LKIqitPuHpRwMPDIcHSawGacMAm7vCUwwDzW40GItWX51EYHkoS/elHUC7aPeJw"
    "9UUWyWSSJ4LUNr5Ok0fSx68klRTeIjlTpDLRVjQz1lveUwG2MA66d0EBZEWtr0lySL47I+"
    "6LqE2RP9TPoMg94+Y+nSLKOnVW5Z6TKTyngTy8QAzPXbn++mXJEqykdm5WLa6KGx7X6y9f"
    "tguJanrfqLpmlx9dj1eyk1NyiU+yXhjOpUogNiusUgZZ5xkcgZRzFhvRWIRYEpOBlek/NR"
    "YfS6opAG1OTd8cYcU+Luqyhr1cgVqPZ687OrWmrP4525pIO9HPqZFshW4uI20v97mXldIS"
    "+WTFQJUK1vb0bvT0HcUmSlcNODzVdv0KGLmjHgnN4u6KGBt6t3roXdWLYmbCKXhf7Dh/dJ"
    "wXvInmVOewITK9gUDzglvWnOwcZsnutv155vU2oboEskQbjOpENzSxs9Vw1tgGR7KYAUNh"
    "vgCzcnyv5XibWDDUbu5PcN6nzBW01xybtzg/eiw0r+xV6rLNoRsLqdZRnobEqf/xKeifSM"
    "44i6czHa6l4+eO0I0goZcFn6GAcs64QBDQPFVtIwht0y3SeLL9YxQy/dCV7Q83fs8vIcTA"
    "jdAJSv49hYPqbhOuuPFG6KWOStPhaT4NqITAOImnqoN0YRdBJLqfkRClsXwzdi/yQLcX6i"
    "eeLqngUgg5Ig+S8BD7mau6GrZmI81spFlf5/cnqsmSxxYbd0ANamPOVu2F6rxloJQ1QAeY"
    "2r7+8JwnqwXVM+3haQZ8GkbSwP2y3acKKLv7VIfdpwqinIHpoYIa0CBfX9UBLbsajt4FyA"
    "7eLoP3loJ+hYVZQHAFNjwz5XqigvujjX9W082lrj/XrI0vzo8e08b1zJVki3VTxy8Zj5DW"
    "aw+F3qjnNzpRamiW2gX1Q/FCe6ah+itgoZyh/beE/gZ5YGBMGqEX/1L/HX748OLgPNVh1f"
    "NRpfIKhKWCiLpWvr1bfwn/6uG5gGvoK3yfXwpSxjzOokTZJg+wfScSVA016c/R/j0UUpWH"
    "EWeSqQ9MHJ4eBR76Eh8f42/fHr08GEEOWvrYmvR0R6NWTb1BVtUPYvX0Pklp7Xq6VVO2r6"
    "bo78OA6BwwQHqXjeiM3W9byf22lqFBzHxyefvn64vrj9hwjcVti8SgTz0qLID9sLPVPssg"
    "RzMMMb5IssReLs5TY7pA+1kKoBihJCtN/chSMoVaLAvLuSDTQBvKYQ1vKIe+6RtC3nyi4Z"
    "0j4c6IF0PmOmTdUxFhCUfQ/kRv9YyUwl1Oukc3qR7ujKObczTGgoqsvBGbaFEigGuod/kS"
    "Zk8g1CO6jMOrYIHSC6B9cBOAy0A9LeDUiJWc+YlclF2MTCbElQofMd4qXDTmpycKrPrFpU"
    "00769YkY11cxdAGTggS8WWzXG2wvUiCqhLjeCT9hrBJ7UawfpfA3Kz9gMkd/3yMawYjQXE"
    "2yORC5CvCkTuG9XbjkRO5RAT6gsQS/1XUJ+KcybUFyCW+q+hPpMma9wvj08r4mx0Wu+i02"
    "y27zPs6DQDf0wmoEir37EkZjUlWvDP10DU4OQ3qxZaBlki07XDMNvrK/O8VmJwL7ck7dXm"
    "nvKpfmZ7VcpsdhyvFZQdsMnEaCv0rIXIhT12FWGkCra5L32WRrIMlnHDnkbLrKBlnDWCrm"
    "oEtblHg/3MeuS2TF0Wey2uy+z06FH3ZdqyswuTk1joHZZ1ChBY8NE9lTNEpUDpgEGpafRI"
    "nz6HktU8TKpd0/COSqjhH6o/AiX0OAERQr0m+rPBe7mxe30JXRYE6rOQc3UOIioV5AjdpB"
    "e7QeN5ej1JHuQItpG+HSEsJXZniQP095j+H/pDfVUCbiB++eP3EWKaJqEahuKecDVcvoSR"
    "vi/mt6r/IAxKD3u0L9T9fKhZnrgo1fPppGjwX+Jp4ovVrdUvu31L/2f/dqekdYlZl5h1iV"
    "nnwJ6Jc8CKkFaE3LAICRuQXPg+c3HaA3UxstJkuSgJjR2ct+4oTv48o+4MjWP3FiLRMNKX"
    "QR4n93qXEh0ZjpUYCHHo2IcNTyBWTSDyoC7rz5Ea3oLk+H3GqRLkVEPyEFE+P6hHxG3jhl"
    "ZW21FZTS1dfG4cPVZE2dTlVa0mySdlTH4JZvP3V6YfB1lqVFd/RQ4YEuuDCGqH0O2fhF54"
    "6ot6fnL5cq7DvyHHpuNC/hmWyTS0fKT3DCNS546p1RV7AQ3FOYLCnZJKqpZTSEtLi7TAnf"
    "JNx6BXmE/q6/YGrm+X6V7PTe3LtNX6N6j1c/V5mJCbtR8gueu3V/Vq36SnnUk2PIzVYkXv"
    "Ggby0soKC9AWKytkrBdJznuiz3UV+rq/3VAXxELEPLsloXDusE89B08kadggfrmZsPkKNq"
    "6jb9ZCaxTu9hmqF/SuQn+ejsAd6fb0Y+mtjRjm6r1GJRJOjJYrkGA27RpTEM3mgrrYRxp2"
    "nup5aEx8BgVKGBQW/U4HAYg0bRmldllQ7NKk5e8QRhGegxsdwQMLHSag2zVlRm/lnlbH7P"
    "WS2q5jumpIm0joWfv1qEE9Es3Xv3msVd83qb5ve+fjvjkvNjx4rV65ab3SirlWzN2qmHtN"
    "m10l+vhSIVfSzv6RD7rer5jRCPnkjkBkAdblccZzCAG9lzOklPGYoP0QYg90XAKUt4doVr"
    "EIeg3UeKKRr+5bF2k3cwsrwe6oBKvHgIFDN2+/Hn9uH3pgbelTVmTdoEiVzE2OnKnVBLJ2"
    "DcZsE9SGIzQM4MWkbpZFXcNtj92TY/Vfld784LOP8gDpRE1A4bTRQlc4+6gE47i6YTdBpp"
    "1qKyjsqKDwZDtY9M108CS+PIg6dkxltTLIrniNPlJjVosQy2ljOQbTXRS+cgOF3hG6YVHY"
    "2r5aqd8RW1ff835+JupjlT/i+Ucm6YS2Z/80N1wqTCb7PER4rl58geloIHt3R/gcqf8pIP"
    "FQ8QojxEKXoIjw0mFEPahdnVSf5sQl9I54IxRxBvtPwE86DRknXkMa0MbvZqXhXstfS4KL"
    "C31uuK95A3Rw7uD1eyyVxBUmVRFMuC6jBihcnB13IPrsuJVoOFWV3gSLuUuMua4Bt1gLbq"
    "9Gdq8ZnpjxOlmZzZ6FwW48qiEZgXV222sRFDFfVYxgd0JaN1WoeBeKRmYiWX3CKJ3pZ8nI"
    "dKs1alQ1tgzaomG+yvDJV8t8a7NQ+FhIh8Be8yYDtowa3laPp69edRixqlXrkNXnrK3imd"
    "gqit2cK7grdHQVa/NL+tbTvbFKuSx4ByrdXqMpKj87esT+xAJHa4adMw8yE9AIecTl8wj2"
    "THWx78N7jRZ7jSWl2RGViAqkTikOfeJNYRey0FsYgSDUCqN7xm+bArQ2ejfYiu0m0Ypvyf"
    "wGkJ662x3sActZkG+LBpkK+7qdrjAYTgmCcZvsm0Y9SGBQj8RBrBihSz1TX6tPM9sV9oX4"
    "EnIi4XSy7Wsc+WDyUH+q796nHkFgK1MX95R0TUMlaCcdgpKgM48doc+pFQ1K70ClxsPvs3"
    "dK//JYqGs0phY1tB+HwEGI0ue+JZFMdrbVmf+wrdwEU9h6bn+K7wiKI6Rz2lBKCCyGWEKl"
    "Syluutrnilu/heRBZlewO8D113iXj39zU1IKGpzB7uR1FzOHarUkjb1m6CB3jYUBH+F4qJ"
    "a6N13sSG/a7UhvaqK1npeN7XQVmKW6A9URnvsMN0za7YalAsQWuRy+YSmVUup2peKJfpqV"
    "MpnHwKhUhNitM+BIVfarcblcB26AW4tH7/Rga0N8bHbaiA0xM82v8F1VoPab6vU3Za2IQ+"
    "7pnlgRLwin7myvwYKYnhktsx7iRZveJEE8F7PRVwpr7QYhKONtWA+hABmgBr2RZRw+KgOG"
    "0+YDZPfkuJOx7XiJse24Zmyz+3Bs1UTxpIvZf/4fqSFtKA=="
)
