from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "metrics_daily" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "day" DATE NOT NULL,
    "rule_key" VARCHAR(64) NOT NULL,
    "category" VARCHAR(24) NOT NULL,
    "tier_level" INT NOT NULL,
    "issued" BIGINT NOT NULL DEFAULT 0,
    "redeemed" BIGINT NOT NULL DEFAULT 0,
    "reversed" BIGINT NOT NULL DEFAULT 0,
    "expired" BIGINT NOT NULL DEFAULT 0,
    "clawed_back" BIGINT NOT NULL DEFAULT 0,
    "adjusted_out" BIGINT NOT NULL DEFAULT 0,
    "net" BIGINT NOT NULL DEFAULT 0,
    "entries" BIGINT NOT NULL DEFAULT 0,
    "members" BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT "uid_metrics_dai_day_f4e3e2" UNIQUE ("day", "rule_key", "category", "tier_level")
);
CREATE INDEX IF NOT EXISTS "idx_metrics_dai_categor_3c6911" ON "metrics_daily" ("category", "day");
        CREATE TABLE IF NOT EXISTS "metrics_member_days" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "day" DATE NOT NULL,
    "member_id" BIGINT NOT NULL,
    "rule_key" VARCHAR(64) NOT NULL,
    "category" VARCHAR(24) NOT NULL,
    "tier_level" INT NOT NULL,
    CONSTRAINT "uid_metrics_mem_day_155653" UNIQUE ("day", "member_id", "rule_key")
);
CREATE INDEX IF NOT EXISTS "idx_metrics_mem_categor_6b6951" ON "metrics_member_days" ("category", "day", "member_id");
        CREATE TABLE IF NOT EXISTS "metrics_watermarks" (
    "name" VARCHAR(32) NOT NULL PRIMARY KEY,
    "last_entry_id" BIGINT NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMP
);"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "metrics_daily";
        DROP TABLE IF EXISTS "metrics_member_days";
        DROP TABLE IF EXISTS "metrics_watermarks";"""


MODELS_STATE = (
    "eJztXWtz2za6/isYf4k9o7ix46Spu7szjpvd5swmzsTu6dlNOjREQhJqktACoGXNtv/9AO"
    "BFvJtQRAmisR+6DomHpB7c3hve978HAfGQz44vvN8jxgMU8s/oPxFi/OAc/PcghAESfzQ3"
    "GoEDOJ+vmsgLHI59hYJZc4fG7dV9OGacQle+YQJ9hsQlDzGX4jnHJJTACxDAMII+WD0BwD"
    "G5RwCKO/QOcUSfMeDjAHM2AguIOQ6nYEIogKEABTgUtz3kYiaeeCxf6hFXvFW06uH5X8Ov"
    "IeOQo3MwR6Enm/4BBC1UPNETf1L0O3I58o7BhbooG4jbPkYMYA74jJJoOhP/j4CPvCmiIA"
    "o98V954Q4tv4a36pXP4689/wv2UDAnHIXu0hH3/3YLDmXT1Y9hzwBZhED2HptDFx2NAA7V"
    "45i4BAT7IRMdIL4dQCavJ98P3BkMp6JDGJEfhlnymR5AD6K9vwQkdBFYzETb++QDwygYiz"
    "/JBLjiZkSpIlP9TtG5ivsoxKL3HU6mSCCo6IEvXw4CJHEO9mSL0i86+O03eVGQ8IBY3Fx9"
    "X9w0vju/cyYY+V5hnMZPU9cdvpyra2/x9H3I/67ayoEwdlziR0G4aj9f8hkJMwAO1bieoh"
    "BR8VL5Bk4jOUzDyPeTwZ2O3Pi3rZrEH53DeGgCI18OdomOP2B17cBxPl7dONfvbhznoDIR"
    "UkRu7CaXBNdyEolPZYqAqfyE5z+cnr58+f3pi5ev37w6+/77V29evBFt1fdWb33/Z/wxK7"
    "biRynO3v/j/ccb+UFEzNR4NssLfyoM5DBGqb7JrRL5Lu3eCQXY432RMt/WGemFVW+sVpqB"
    "dceKfhiQKKaryH0j8SvAkFg/PTn7/uzNy9dnGdnZlTaOq3xSBJn4ggqflzNI6wldIUqEis"
    "/cR0ID+OD4KJzymWTxxYsW+v734vPlzxefD0Wro+JA/ZjcOo3vFTkuL/waZNdAB8j6SSfW"
    "T1pYP6myjh7mmCLmwJrV4ifBFMcBqie9iCzx7SXQ4/SPDuwnu6Qp5LdwffP+w7vrm4sPn+"
    "TjA8b+4yu6Lm7eyTun6uqydPXwdalbsoeAX9/f/AzkP8G/rz6+U2wSxqdUvXHV7ubfB/Kb"
    "YMSJE5KFA708J+nl9FKhlzORqeuMygDbm0cHicB8UOnP/I3NTKRO86hlGpVnUaLTIM8Zay"
    "1cZdwAV62zLmSfNZN9ViFbKlueNtVF1FpEG7ZAbYNnqdSKVUVv8agAh8d2LxJQOkT19+Ii"
    "0u7FJu/FKOR0qa0Z51FrqWiG9ehu9GJXqGV8rRlWRG5ghpm2a+/7FJOGwMldzhglL4yhe7"
    "eA1HMqd8gpaWpbvRWcBuUrMIRT1UmSTfmdqV1cPuJSGlOUdbNqN8/fH7WazNXHuHHTjtby"
    "T4iC2IYGHgCNfCT+b44oJh44fOad/0v87/mHD89/+ukZuJb23RnEwIPLESAUPPPxBD07Ah"
    "GD0u4rLdwunLOqybyvlzxuG5YvS9dA9cKKddiag6052ORVdjfbXm7edCc/P9ks9etSn6xT"
    "FeabtacVYoDWgJPXXUwvZdkhZ3p5XVaaXE1Ph7t9R8eLMrUvvnkUb8yzMSfqyd35WwGeLo"
    "GGyJqXMJhDPA3r5MzsXquM6SatOoqXH2KpTwhz4LtUBAxIyGcgEP2CZXwAZeBwDBlmIB4o"
    "Ysq/evHiBfgrODl+9XB0DK7uEfWFyHeuQgZmeDpDjIMFDmskzS28r0botCKlORtps0ip/l"
    "9jW03bD3BTfX3WYVN9fda4qcpbxV1hNb2c8Vxjc6jghiQ5bjCaIA6OcrUGcBE1wGF8ctpF"
    "Njxtlg1Py8OYcUj5Or7tAtCa002z9RXN6d5a0QsrmO1fk/tXCH8OmThK7NPYicqwAflMNr"
    "YP6XJqyWwhc4HQnRh0GnTmEJbQKqHoHtVaJv7n+upjw5qeIcpLOnY5+AP4mO0hry2kSSoK"
    "63gqDB1+uPi/spx0+c+rt+UFWj7gbYl3LqV3X3Dpa5FfgtkeWL8H5HmM+xrd4C0hPoJhQw"
    "R3BipRPxaovnSD1OyQJz0zRWya67dXV/8scP32fclq8PGXD2/fCR1BES8aYd5glbdxAM3L"
    "uPiB3lXoL5Ou3BNZMhl1poYFXM6Qe4frLbXJrVGroTZu1M1O29zXj7vYpUBinep7YQG1Tv"
    "WdenZrhX25eTQqpI/tGHtIfQuLcsWv2OPE5nKnoSKtAEMaqJtT4OEdimrs862C4gq0RUEx"
    "u5JnVXf3sqKiWcN5T0RD00NGL0kQiC7ly/cy0jM+jF8rKNa1a5caU4SDV5COvv6rEIEcCl"
    "A0J1QMTTBeAggYiagrUPFQlOGf4DC9RtHk6BjIE2QROwcqjFXlPnDFh6o/QiKe/cdBaYz1"
    "/8avYZqT4dCNGCeBeEZIuMz0EMcWLBE/Eq3jk40eOJQ3KZpiJj5K/HuB+SxJnrAQU44sjp"
    "rjVuNPS+NW0cQK1SZJcc1CdaHfundCATYkWWXbkapiplSIb/OJT2oIH4Yz/E0nb/ibFnf4"
    "m7I//E78NB160/YD5Pdll2CDl83BBi8rwQboQewSIfSdiCFat34081wD7enI5FYX9L6DlH"
    "Zl/zCM5p0s1FNKonkt983DPI8Z3pHgzQ/wWKDVYXiFGOCSvfn4MKE/yu+tENzs5VwhrINz"
    "fQcncVUo4zpGlRLUWlWsVeURq8q1Us0O2gwqSZNRN1tKrOt1zl8pRLp7RJ9z8jz+C7jQ9+"
    "M0ibefrq5vwHfZo7+7P/kub6lJsjmqfROMCR8BCLLGgBPiH9VltOz5jTLH5Y1MIIlcijhg"
    "8vwISLN6gsOfP1xcPr/++eL01eujXPrIOzTnP4I4OWWAQ3Dx6T1gM7JQeS9lLknxKg6UzT"
    "RN1GnPZhgtDNqzGbuRCtW005IKM8QACe7FUGIjsKxbzQqA+y4AhlxMyb8T31cfVyP+5Ru0"
    "Cn8LJIQgMQYVwJkoREcB8DL1NP3l+d/ANMIeOgeLGRFSkPRRib+CUZb2ezHD7kxl3g6RDw"
    "5vVRbGWyFFwVA2VVKQFJcYx74PZkTQUJX/+n5hmuJcudrUkif03hn0J+AweQUWUzLiQEie"
    "eIJdJc+NlKNtKcTFIOIR9I9ULvRAZkV3xkKk5nAykQ663LXURXcMpGNwTnEA6TL+Qcr7l7"
    "nwYEDCaSxZxp9DQsSOwa0KB3fkInArBVCV2/xSLR434pqUhlWadcg4UE3TDOdKaIUhEL9W"
    "PD2+NadEiPxM/Dp/lRydyR81E7Q3uwFrLLvJX9YfuBeirAFWfdP2p74FXH2m+yd4SH4Ttd"
    "jqe7hzqAEdV9qy22TLiZhN49w6TLZJ8Gm3HLUtKWorOfqZkwhimrpxEWgDTztoyEqYXkM/"
    "zuOsdmycdlz0P8bajn4nF5E2g4HJvbzSQ/UkriJur7OtbUHKMsvqdAOnB80mJ3l31N3exO"
    "G0s7fRJXQOBADA1FQSSfeadOOl9pQaj2FHlKaJQ/2iqWONHSbNk5E1dmh1zBM0dgyK4GQF"
    "0iB4hbDWpHp+jdlr6bxxo41vddpl6Vxji5WRLxLyjGV743O5c7piUfXJNELgEMZbaegBzF"
    "kcS3M0UgEwsvYqW4auPNIU+xCcbOEUmOrW3PvbbIzNnu7Vu1/XdtsJPW8bNoSpR3J3cnjg"
    "CezLVY51h3ERZQdzB6IJ9eJSPt13wgxijTqPbYD56ng+kpxUmW5zPORQ1uvQwesQzb014/"
    "KKSOt5MM4mbYzWFs2bElyoO6P2YxiyjUYOixiwyvEQB7EBzJhQe+7QEhzO4TKQMV5ZMTOO"
    "grkK83oA4RGQ+XKYai8zR2SlxnlVWev/dY9ra6V0bnH4wG9WhzNSh3PF+NaRztL2g9PfTr"
    "tIZafNUtlpRSrLJpwOvwXQ4Eju5aREunhpx5OVgH1JwkNdVAxIg2CafLajAn/xdq7NfxFn"
    "81CsmzBoF6UtDQuW2Q3z1kLao1HJZmrqsWQoDGQNUIdMJs4EhVWaG9eNKnBAy8fmSooi6q"
    "KEJq3qcVWgpbcu6e+D42Gm6thqjt86qKW4hmIcOkzmCtXlt4zba/v+xui8hz4WlFAS6NqU"
    "i0hrUzbOplztZrG0YH+9fs6gtqON7ugtH2JbqytjW176KfXXNyKddjljddJ8xuqk5oyV/M"
    "A1HHAFoJ1CRk+hiK3nY2X2zM/+9G+a2ELbPlWHHpCcvmVDlWJThdyI7tLZtipAewa704GG"
    "lDQ95akKHNCQ35gutabmb7X+x6ml6J7crXkaN4+0O7PJO3PcVw5FkJGaGdRWa6IEtLvB47"
    "vB4mEOpRxD3DvNeO8q0vLdlW8ScSdJyKsp8jThh8d9L9EwMX1xDOBa470AHR7p/S0wuol/"
    "yrjhcb15y1TMGaKU1Jx3eIzqDDY8pk9fveoSvvjqVXP8orxn0LlauQh9Es+CSsRuCNROG4"
    "wej9d25nHbjnHb1+heDAY/i4yO46GRB9LA53OAxT0G/gq+/DcXSDgC/4lgyDFf/vlbNTx7"
    "Y0+1Z2aNtvzYvPQ72YnV3Kmy21xLJwN8Uykd02huobWXWjo2Vb1NVb+7NUX8QO8q9JdJV+"
    "6JoSgZde0eHHsQcmC9XmMeVF9vlNT9OfJbRG51t4u8LSPcOwrbv86QPK+YHktEkIZM/VtJ"
    "7OcgwCEOokBckKLwBFPGwTyi7gwymWrfX44Ax4iyEXBhIBpNw6Q6dlUC7/dVViy3YvkeLq"
    "Y9i+XJ5FrjfFIeZw+IrX8+D0vzB14nljgPs6HE8oraE5x0T3DknqCp+jQ8wSYH6aAJyc1X"
    "rFX3idDRVdEvwWzl3PW1fcYh5WwNpaQAtBEK5qggVc0Thd46PZyD2f41uX+txc5a7KztRm"
    "9iWYvdU+z1vbDY3SSe4oNGq13WYtTBcpd5p7ta7yBXNdpV2jHMwIJQPhuBGVkAX9bFjKuv"
    "qwN2Kkm0vCF+0VL8ZwnGKPGB19nqNvdga5kz2lZhLXM7sczlP0uD4xLMhlM1hlPZhCo2oc"
    "oQDqbYhCo2ocqeU2wTqmw8oQrmWrlN85gBbmpdDnM0H+WoHOQwKGWNYUvD/poOqhYjozLW"
    "2H7uuZ89uKxxWzbuPUWQ3dXritnLw5mccFgzfRp5LaEssVVik0w+SqzUYLYMs8LSarzpHc"
    "a0x471TFkxX8p5RqgTuLN16K7Ah8f8y9MOzL88bWRe3rLHP6wz2ZTBvZ9uRetMfoq9broz"
    "OSnv+w9ZgfGgzpdcaDB6vLCxquXY0Y18kZUXjisIy3rB/BjE+RHOQbxhgD+Ah1kgxMw6h/"
    "F6j7Cu4T11Dcve1ZSqc5DBFVfa8wrERkvNvaTqIQtBiBMxRPUGcRk3PLr7UA910/N8Y2Ke"
    "tUSmnFpUJDl3fTPDudNobhnMZX6TWl73iDLNYJIq0o7nx8ezVQkbqd9fZcDqgE+omw1R+t"
    "5BGgqamw7952+P2hQ+FDfUOfZ/NZfjjdDnomcneBpR5J2vYnjnRPY0gCFA99lR/RFYYD4D"
    "LpyLP2VUhqxQLB6DSRwBnIYY1FRG7vllVovcVy3SVkCOhZSzLirOWbOGc1ZRcGzsdo8SoF"
    "qodNjNAH3RO6ShG28I4nkPqGZ1bg53LcGs/zvHitg6nWUEdaIva5CWUnllSsmCz7THZxlm"
    "ycyxssb4rEFaSuUVErpI0RKbd2oE3LbogBq0zY7SIVDAg9hfxtFXjlBbNAZyDdKGxTURnO"
    "xK6zBchFqKazL8yLDM9Siug1qK605zKVuGbjhyGWZ3Onllf07CyPw8Dpk4IXrgzhJBWvUz"
    "1bbYyInaLvrvabP+e1rRf1MO1wqqz+PsClEXsUwRvHPGJIwY0sq0VkXaZGvrJ1sj6gu1Oi"
    "AHsczbpPbmKis2keAwHZs2keDT6V8bhtIsku1njLo9mfAUe93wkwnvHuaYLj+jQPYqPaiL"
    "Uym2GLWGqqi2Dk0ad41WCRGgZCEDQMA4cu8QBw8gfYY8YyDLR+CQIcpxlpuOzxCAnATYBa"
    "4PcTACjAAE3Zm8yWSkiTR110Sr9PyymmiVLwfxi5LwePWOWEf+zQay7EMgS6H7undCAWaL"
    "LGh2RyUCWpf+AszSvzb9ufWqwn9LIog8aEjsb8wSGOfH0+B0BbB81o/TPTiIsr2DVRsvEa"
    "1dHNqWhdbLY2p1/kb291fbM+tMwgNHNIT+JQl5rJPV6HvFJqPHD6O7cVP94+g4BL+iSxL8"
    "CG4zae1W6VLAx+GdLN89oySazpQGJsYiCXH76fT1n2iPGRgtjzZrZygZsGuc962BDu7wwe"
    "bj45NZo0N0DtKTLDAkgnem8BpG807UXZuawZ6ttgKuPVttu9lgPUblyfoQH2Go0WHytzvo"
    "LyqlVXIiQsNnFQMAmQAYZ8U6lzWVUk3k8FaWGbkFqYx5BIjyL00m2S31r6OaNFo+mvB619"
    "UW3lnrwcqld0pkZeu7Mkh8MTuV18ClGn29c9Pq5rDVIVveqa9KGNZl0ie7vxNZ4cYVjGg4"
    "+Yoge4KiqqBLhtZSLgpAq1sYp1vkO1lKo2t0cQ5mw5tN7l+VMsVJ+6G7clDE7fU5yS0oBo"
    "Zo682KehcdXUsvvwCS7EgowyNwh5bIA+MlCHCIn88pmVIYADJH0uUH3kIfhi5iAFIEPBQS"
    "GkAfM4GQ9b2Ue9BH3lQ+iImPFosBDJnUlklY64Hc0mutm9Lg+TZqUcTjAaAja68Q1ilpnZ"
    "K7JnguCNJyjGWA4XnGNl/qR5EVZ4mhWgkPKsDhsb1htTzE7p22kzeHGR7Bm18scHiPuRyW"
    "ehlAS7DBbXubr84eM+Y546V2uEgFOiBj05ZjRsaxUK9h5ssh9lqJ3XTmJA0KcwhLobwSp0"
    "zUYHAFsATKKxwjKhbre6RT8rYIskTKK+4MuXfSj6FSFmmQWQVaQuUVHzLupOR4sEZDkHbx"
    "Bpt4DbbNOL5/m34LldLYbYMQOw/b/cyxYDNrPMVer/EzmZRZ4wMSrLvsJ5mc9qDW9ZG7P2"
    "p3gKiWjpc1fcwN0tz1tcF9yaYgC8w4d0j97YrhOyWxRSkn4ZSD/r4UGsrn/GbdD0a6HzSF"
    "hs3ICaatdHqCQn4+dLVg5TEDjJDq4UhIbv3oHKCawwyQ5M1n9N0rxXaPQtEwYxHS3dYyzF"
    "6rtlu2sFLkIRTocp1HWbZ12JZFY/XZXqEs293ZVlnzdMnOgSzX3bl2fbiQPi+h4unxXQJa"
    "zrtzDr3fIyYtKCSqMb60kV5GWta7sx4iTbITgOVYY+UOxVfVVXFoXblXIMt1d65zYcDduc"
    "6BLNftXJtlNo0Dw3+CbabTVZtRF/Npkh4lzUnZkxG1kIQlswY9bjctQK0R1RpRjTWi6BlR"
    "bfLe3Wry1oZtbdjWhm1t2AUbtlmy3q+CfBpAetci663adJL1FmnzHkS9rsfttppIzjBprZ"
    "fTMs1ymQpxk3q1fhR8BWr1xO7ShUFBVfsTkmh4DFUcOmfIDnEV8TF5+IAYg2qAV7aHYoPW"
    "vYGopk4Qt+1/Y/iSS5ajyv5CzlEwV/kprIJvpoJvU031KMF7yIvm2tpoETU44ejktMvxVt"
    "Gq+VDgaeWIq8EJpJ+AzWUOlz6BNdw3l5bOQb6ptLRpS0oLl73Ult6PhHb5o4tF1vM3zCwC"
    "lAgxOrXA8pC91q42FjdYFgcrXLYrTzXwAR5L2XcVqnJ+T7t+VhE1vLwTtoiWnVHrziiDTE"
    "+2mwdpe/oElwEK+UGN1Sm9NWqzN83jRp0TF7LIdRFjk8gHCRQc3ny++Hh9cXnz/urj8fUv"
    "l5fvrq+PRlklMwJgWhBgvFSpAwVQVgeIcw0elEZLX+/oYgorqJZiofVwMgWtJcxMS1gu76"
    "Rm+YAqcnBGm83nfyMRd8TrPCRWQh2yyzhbT+DxcI3AnemN6AwwQDPv5oey2BH16M0Alt4u"
    "K8XO88iatDo8NfP5UAWRguAhdjPFm57QkUNt0ZRbteFubmxvPFskJxz6zgSFGtbbAsZG0N"
    "X7e8S0X4fbGqRluO7UZkQpCl29ANscZovrweXHf1WXhPSigdmQE4tAQymOdktaGWttacbZ"
    "0kquO+jW5AdtkcwzhHU+dHI+7CpI3TSmN7z+UzSJxC/xNLfXMsw6nw/Oi9ZXzQW/BLVhuy"
    "Yv99YR+iS62TpCB9vNZjlCP6vd9KDZHZo0GHVwijrx1ryObzRGgsPP7/7+y8efch5LwTjD"
    "Y38pWriEerIGG5oQigDmLPV2PuIT/fZn2/JsRpsZm/2dcddrujoLoMF5OTfveZPeyoQzfT"
    "dnAWjJfpRs8zz4JjmOnp4Lf4e2ls0P7mQxWMceYC3tB4/5MtZitw5qOa7zcFovnPXC7SHD"
    "hrmKrOmwN5vS3IdhWJuRmBAfwbBhHq1Qpe4dC1hfEyi7ku/TekPCJvry7dXVPwvd+PZ9Sd"
    "f8+MuHt+8+H56o/hONMC+ooDmWCQ61DtKtANZJtPvyhwOnE87nPl7LrlxE2pXe5JXeOokG"
    "282meA/kpvU2cu9Q/VGq3O1Rq+dANnTGqmVHv8E7SIU8AuJtEywwn8kDTJgCsgiBKqCw/B"
    "EweeaeAY/CBWCEhIjx5+qeGBtgginjx+DWQ2N+C2ZE/GAgKwE8l9wwMEY+WYAXVa/CVt+s"
    "ff5K5jxAB6LNl+TPUVpPgqkjWYUbFAmJj6HsRpYrzZ7cMtOTYTPu7rwmgH4awm/OQGiYjL"
    "Qb7rNFq6vtPQMM0Oi+4UBhHGKOoU5cYw4xpPVkg1GNgXh2ku6nswsjh7GsNlfTcmBAorBG"
    "q2legitAGy+64oWtoSIWkdYQYJqGWFyMMjFfs5eLSNvLJvdyPCMdGtX4x5qlpCJqeEdBzr"
    "pkyTtrzpJ3VsmSZ81qg51OJpnV3kmt8aDJqhbfHT1uVMtVpHvcqPY+CCKFBz7ypojKTEHo"
    "GNxiDwUyS+8twAzEgw3Mxe3YrnCuUgeREAHZbk64PJop7rkzGGIWgAmhibWsakzbyhtra3"
    "oVbCLp62qKeZXaJRY0ElE3MbPlZrU1m1mzmdEL9I6KxLpuvb7Wcjp1BdniAW94D3H8hAr/"
    "xVuG5u/VVYt3oQ7vkbnBVgzocbCie6S3JGSAASopXey5Z80G3bNq6odYQNGgd4UYHr8/dM"
    "m280Nztp0fKtl2VB1FXXkiB7J+oHWFiUxU1xjbecwQF+c+EqWNoQ9DFzlwwlFNZvPGQV7B"
    "WdHCgIDGwXkupCWjZn9rLsOSAb6pCIthS3ALZb3UYLG2z3W6wto+NW2f7G3kTVtiCtP7o0"
    "ftn8wZq6ZdsxGEYQT9NLYvhoJDCGSkHnAR9sUIODoG8m3nKqMAQ2LtmPhwWpN94NueZbMN"
    "GC2QNhsblwjqyEtp881s6ybwv7E9Pp4zTtNZmrYhXYEOSQrdssYlFvXQESxh4oznGiO7gt"
    "teH7x58aIivKbXzBjbctnXUWHT9lu0hsd7UtUUnrtuSCyjIbLLtQz6v/B94sKEkor4Um7S"
    "KsGoQwQOzFp3FGJ+nWF3BpLTFADGZxGAR9ECTCgJRoDJwi8U3SPKoEyMxDgR/wHoQTzWl4"
    "VgiBBFUvwhoXiKQ9EwPttwVJV0tvFCKw4ZvVs0i0M7ipnvsOQNtS/yApScUtrkF2BWcFrf"
    "7239sd8sM5mytXM4mfzC1MZT3dSzm+3buWzmCNGJdtzIr+U2CaYRFtdHIIBUzEoBBlDsrt"
    "ALcMjOZQBUyDHHYjuVUU+/oksSAPUm1UzGScleIT6q7ts9PN9u00avTc3btPp/DX0kbT9A"
    "d1oPGc2Ir0Vu2n6A5G6+8M0CuSRQy6peJsQybiNhD4POOinTRt7XDOTWzEEr0BYTB6Ws50"
    "nOesLgtEFKMdaW1/MoW5tsTWGdkzsUMuce+thrCnpod3HWP8EemjLN02kd2t2mofiB3lXo"
    "L5MRuCfdnkwWU/3bSuc6qFUi5Y1RuwIpzaYdPdlgPlsy7EIfKNh5ouep7DLhVBb/JiH6EX"
    "DI7pj4L5Xe6cQuKxU7iqbS4vwjgFk1cfnBTGXFV+3q8u1v5Z1WxzR6S23WMV1Nn5e7UZ+X"
    "QaL55hOUW/W914Tk08RX11mBzxA2u/7jg9fqlX3rlVbMtWLuVsXcG1zvKlHXW4VcWTGzo4"
    "z7QZ3PZTM8B6rEphAgoTuTBZyWII6XB0IZjxA4DGXsgYpL4Ec/AgRpmGRulJJlIMYTlmlt"
    "aVWk7ecVVoLdUwlWt/zrt1V+NbIHNhYBZ0XWHkWqeG1y+EzsJjLBrMaYrYPacIS6EM5sUd"
    "eLi63gtsfuyYuawNjs4pOP8pDSiViAwmmthS5391EJxnFVw26CTDPVVlDYU0HB5IwzQ+2N"
    "Ffsy6tjRldWKILvj1fpItVnNQyyntZmCIdM1LqYIKwp3EIWt7auR+j2xdZl+ZvlXJCYr/w"
    "SXHwnHE9x8+qe+YaswuZBJDfkcLsUPX2G6Fkm5R3QJxH8EEHkg/4QRIKEb51TMXwbYA4cy"
    "c37E5KFkF+F75I3AnBJZ4k/+iachocirOQbU+9usNGy0/NUSXJzrc8161TXQwbmDN++xVL"
    "nSYoY0uC6iBihcbD4ZtNjAVN40ba4rwC0e7D2okG00wxM9Xidrs2lYGGzvUQ1NSQKbkyjl"
    "MTaP0vp5lGKZR2dcrxBbzQAQi2TVBaNwZzM57LqcC2nW+04qep8QpbEURpFOGd4iaIuG+T"
    "LDJ98s823MQuFDxh1EKamJiG8esEXU8HKKnr561WHEilaNQ1bds7aKJ2KrKFQHTxXcNTq6"
    "jLXnS0zraWOsUi4J3qmk2bWmqOzu6BH7EwkcpRl2PnmQmoBGwEMuXc7FwAMu9H35u0bSzk"
    "OoJ0Oo0ESeP8dc1vgQtwSHqgiIpw4DZONchlpBsCD0ri5Aq9e3fQ2/hrexVpzWIvHE24Tc"
    "oxLbpKffuTypcKjajUDs+AVy3I5UA+zJAwzik6gUK0bgUq3UN2JqHp3H5+mfsa8hRapOi/"
    "oYL5r70uQh/inmvY89WetEPEP8QiFd41AI2nGHgDjozCPH4DqxosnUO7LG8PO/pb8p+Zcn"
    "y6X88TVMLGrgMAolByFIvvsOzbk64h+f/D+SuQgh9mXLKbxHIJoDdaYNJITIzRByjoI5Z7"
    "dd7XNfcnJsiB54+gRbPMVc4102/vVNSRtNuW2Qwe7kdadyCK9b6iG83nVBBNPku74rIsTr"
    "sradrgSzVHegeg6XPoE1i3azYSkH+Sa7kmlUW8NSrWEpkVKqdqX8DTPNSqnMo2FUykNs9n"
    "55pSz7Vbhs14Fr4NbiYZwebG2Ij61OvdgQU9P8WuWeC1A7p4yeU9aKOOSeNsSKeIEodmcH"
    "NRbE5M6ozXoIV22MOQTxVMxG3yisNRuEZBpvzXwIOcgANehetnE5qTQYTpoPkN2TF91qj7"
    "YVH60Y2xKrvY6JIgexJgpNE8VON7M//x/dcWtx"
)
