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
        CREATE TABLE IF NOT EXISTS "metrics_simulations" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "status" VARCHAR(10) NOT NULL,
    "progress_bp" INT NOT NULL DEFAULT 0,
    "request" JSON NOT NULL,
    "result" JSON,
    "error" VARCHAR(255),
    "created_by" VARCHAR(40) NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "finished_at" TIMESTAMP
) /* A what-if run (`POST /admin/v1/simulations`): the draft, its progress and its answer. */;
        CREATE TABLE IF NOT EXISTS "metrics_watermarks" (
    "name" VARCHAR(32) NOT NULL PRIMARY KEY,
    "last_entry_id" BIGINT NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMP
);"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "metrics_member_days";
        DROP TABLE IF EXISTS "metrics_simulations";
        DROP TABLE IF EXISTS "metrics_watermarks";
        DROP TABLE IF EXISTS "metrics_daily";"""


MODELS_STATE = (
    "eJztff1z2zbW7r+C0S+x58pO4sRp12k7k6TZbd5p4t7Evd196x0KIiEJNQmoAGlZs93//e"
    "KAHyLFDxOKJFM0OtPYJnH48QAEznnOwTn/GQTcI748feP9EckwICz8TP6MiAwHF+g/A4YD"
    "on6pbzREAzyfr5rAgRCPfS2Fs+aOiNvr83gsQ4FduMME+5KoQx6RrqDzkHIGgm9QgFmEfb"
    "S6AsJjfksQVmfEDQmJeCKRTwMayiFaYBpSNkUTLhBmSiigTJ32iEuluuIp3NTjrrqrarWD"
    "61+zayZDHJILNCfMg6Z/IQWLUFf01K+C/EHckHin6I0+CA3UaZ8SiWiIwpng0XSmfhLkE2"
    "9KBIqYp/6FAzdkec1G+pYn8dNefEc9Esx5SJi7dNT5H0boCJquXkY+QXzBEPSenGOXHA8R"
    "ZfpyUh1CCn0mVQeoZ0dYwvHk+ZE7w2yqOkRyeDAqk8f0ELlT7f0l4swlaDFTbW+TB2RRMF"
    "a/8gly1clICA2mfk/VuRr7iFHV+07Ip0RJCNUDv/8+CAjIOdSDFmtvNPj3v+GgAuGOyLi5"
    "fr64aXx2fuNMKPG9wjiNr6aPO+Fyro+9pdMPLPy7bgsDYey43I8Ctmo/X4YzzjIByvS4nh"
    "JGhLop3CEUEQxTFvl+MrjTkRu/26pJ/NA5GY9McOTDYAfp+AFWxwaO8+nyyvny/spxBqUP"
    "IZXIjd3kkMIaPiL1qFIDMIVHOPnb2dmLF9+cPXvx6tvzl998c/7ts29VW/285VPf/Dd+mB"
    "Va8aU0Zh/+8eHTFTwQV19q/DXDgf9qGRziWEr3TW6WyHdp+04oiN3fFynyTZ2RHlj1xmqm"
    "6Vl3rODHAY9iuIrY1wK/EugT6mfPX37z8tsXr15mYGdHmjAu4ykIluoJSni+m2FRDehKYg"
    "1Q9ZiHCGiA7xyfsGk4AxSfPWuA7/+9+fzupzefj1Sr4+JA/ZScOovPFTFen/gNwK4Q7SHq"
    "z1uh/rwB9edl1MndnAoiHVwxW/yokAppQKpBL0qu4e0loqfpLy3QT1bJroDfgPXVh4/vv1"
    "y9+fgLXD6Q8k9fw/Xm6j2cOdNHl2tHj16tdUt2EfTbh6ufEPyJ/vfy03uNJpfhVOg7rtpd"
    "/e8AnglHIXcYXzjYy2OSHk4PFXo5U5naflGZwP6+o0GiMA9K/Zk/sZ0PqdV31PAZrX9FiU"
    "1DPGdsNHGty/Vw1nrZBuyX9WC/LIENxpZnDHVRaiOgOzZB7QNnMGrVrGI2eZQE+4f2TjSg"
    "dIiar8VFSbsWd3ktJiwUS2PLOC+1kYnWsR59GLvYVWZZuNEXVpTcwhfWtVX70D8xIAInNz"
    "kyCg6MsXuzwMJzSmf4Ga9rWz4VnAXrRzDDU91JgCY8Z8qLwyXeAZmi2c0yb54/P2ykzPXD"
    "uHHTlmz5L0SgmENDd0hEPlE/5kRQ7qGjJ97Fv9R/Jx8/nvz44xP0BfjdGabIw8sh4gI98e"
    "mEPDlGkcTA+wLD7eK5LFPmu7rJ/dww3CydA/UNS+ywpYMtHdzlWfZhlr3cd9Me/PzHZqHf"
    "FPpkniohX289rSR6yAY8f9WGelnXHXLUy6t1o8k19HS4+3d0PFuH9tlXj+KteTbmXF+5PX"
    "4rgccLYEd0zXc4mGM6ZVV6ZnauUcd0k1Yt1cuPsdanlDn0NFUBA87CGQpUv1CIDxASHY2x"
    "pBLFA0V98ufPnj1D36Pnp+d3x6fo8pYIX6l8FzpkYEanMyJDtKCsQtPcw/0qlE6rUnZnIa"
    "1XKfVPg2U1bd/DRfXVyxaL6quXtYsqnCquCqvPyxnPDRaHklyfNMctRhPEwVGu0QAuSvVw"
    "GD8/a6MbntXrhmfrw1iGWISb+LYLgpZO7xrXV6TTvY2iF1Zitn+73L9K+XP4xNFqn8FKtC"
    "7WI5/J1tYhU0wtmA1gLgi5UYPOAM6chAW0DCi5JZXMxP98ufxUM6dnEutTOnVD9BfyqTxA"
    "XBtAAygK83iqDB19fPPPdT3p3c+Xb9cnaLjA2zXcQ9DefYWlbwT+mpjtgc17APZj3FbYBm"
    "859wlmNRHcmdAa9GMltSvbIKUd8qBnVMS2sX57eflzAeu3H9ZYg0+/fnz7XtkIGnjViIY1"
    "rLyNA6ifxtULepfMXyZdeSC6ZDLquhoW8G5G3BtazdQmp4aNRG3cqB1PW9/X97vYQSGxTv"
    "WDYECtU/1BPbuVyj4sHrUG6X0rxgFC34AizPglPk4tLjcGJtJKoE8DdXsGPL4hUQU/36go"
    "roT2qChmR/Komq5eVlXs1nA+ENWw6yGj73gQqC4Nlx8g0jPejF+pKFa1a9YaUwmHrkRa+v"
    "ovGUE5KSTInAs1NNF4iTCSPBKukoqHIoR/oqP0mCCT41MEO8gieYF0GKvOfeCqB9W/MK6u"
    "/ddgbYzt/o7XLM3JcORGMuSBugbjIWR6iGMLliQ8Vq3jnY0eOoKTgkypVA+l/l7QcJYkT1"
    "ioT44vjuvjVuNHS+NWycQq1V3S4uqV6kK/te+EglifdJV9R6qqL6UEfJNPfFIBeD+c4d+2"
    "8oZ/2+AO/3bdH36jXs0E3rR9D/F90SbY4EV9sMGLUrABuVOrBMO+E0kiquaPepwrRHe0ZX"
    "KvE/qug5Qeiv/oGMwPMlFPBY/mldjXD/O8TP+2BG9/gMcKrQnCK4keTtnbjw9T9iM8bwng"
    "ei/nSsI6ODd3cHJXhzJuQqqsiVpWxbIq97AqX7RpNmgiVJImw3ZcSmzrtc5fqVS6WyJOQn"
    "4S/4Zc7PtxmsTRL5dfrtDT7NJPb58/zTM1STZHvW6iMQ+HCKOsMQo594+rMlru+I6Q4/IK"
    "EkgSV5AQSdg/gtKsnujop49v3p18+enN2fmr41z6yBsyD1+jODllQBl688sHJGd8ofNeQi"
    "5JdasQac40TdRp92Z0Whm0ezMeRivUn52RVphJ9BDgnRAlNgLLutWsAnjoCiAL1Sf5d+77"
    "+uEq1L98g0blb0GUEqTGoBZwJlqipQL4LvU0fXfyA5pG1CMXaDHjSgsCH5X6LRhmab8XM+"
    "rOdOZtRnx0NNJZGEdKi8IMmmotCNQlGVLfRzOuYCjrf7u+YZriXLva9JSn7N4Z9ifoKLkF"
    "VZ9kFCKledIJdbU+N9SOtqVSF4MojLB/rHOhB5AV3RkrlTrEkwk46HLHUhfdKQLH4FzQAI"
    "tl/ELa+5e58HDA2TTWLOPH4YzIUzTS4eAOTAIjUEB1bvN3evK4UsdAG9Zp1rEMkW6aZjjX"
    "SitmSL2tunp8ai64Uvmlejt/lRxdwkvNFOz1bsAKZjf5zfoDD0KV7QCr37X1adcKrjnSuw"
    "e4T34TPdmae7hzUj3arrRnt8meEzF3DXPrMNknwGftctQ2pKgt5eiXTqKIGdrGRUEbeNrC"
    "QtbK9Ab2cV7OWseds46L/sfY2jHv5KKkzWDQ5V5e2aFmGldR7qCzre1By+oW63SFp4N6yg"
    "nODtvzTSGetvY2ulzMkRJAOKVKInCvgRsv5VMqPIYtpQwpDv1GU8eSHV36ToaW7DDqmEdI"
    "dvQK4GQGMgB4JWHZpGp8O7TWKhXpjQhp/KCV622uReOa68ZtHRw3NtgmlUiARwEzRDwaez"
    "woQ9LnIRpR726EjiAn6Yxgz6fgzuBStzrW3hJEQ4nmPnhhPDQSyo4elRbpXd3omh1ljf9C"
    "YwGen7+SZKqOdqhA5M9fiMOKf3yKRglOqU8lXyX3p6uPPyf3CVSXJXu2JMI+JJVYgntnIW"
    "ioxFHItTCfTKhLofyuqxMzq4v8+vln+RpucwtR2nAd9TXqu6l3juY+x+Bk0qfRkX4fItQQ"
    "AS9NoCDBqrVqfM3g8p7AE7hmOIuCsZOebti2lWCa1aK9s6rLgaguhY4zMLIKcnbn1sbMNn"
    "wrJeQbBv9d3/DeXnpY7pslhk3a91Ad3H65gJCGZuhmAj2Ed/vaNo4USMIE35XEHkuNDg50"
    "9Hp0SqRR7OdKon/w7iLyM9FuyxBfkbvaiiKZSC/miCbu/f0/rwq0e2k3UEa9/3z56R9p8/"
    "UtQuuQ5zV9M/WtLNsnlWLfwQlxEoNI+CYzTFGqf7PMs7M2qyQ0aygYfVZaKRkhnsPnhDmw"
    "v6Zyymn0qFfKP7Rjffcz0BYd7Jz5S2eCmXRcvGkv1F7D9sQ9PdEtDvF9TAMM6jnEtMWwDY"
    "eYsAoGHGIigY6uo1ffPJ8cX6BoDiTZtynpJ9E8GvtUzogHAc5ogZfoaATPMLpIT6HvY8br"
    "KfY89H/QRBCSnHkqo3FAw9eVtOKe7n3NAizlWruASCgF+hROPZWEedj34d5EretLuBcXaB"
    "Qz8qMhcn2q4A3klHrqDjzQHCIQevmgdH15dPIDkq564MhXD63+SB4Gsj+t/tLJoSaY+hD1"
    "rWuRMpf46q9TBLHwUzJCgrhceBLN+EK1FHEYeSou0JSHkCdKk6f6xvqS8RuHcLPsD+Id68"
    "BydcVQLBHsJFcvj6h6boI94HR11RGQAaVGwTViSud0sBIN5vBTk6CLGYlTUAWURSFBf/Ax"
    "8jm/kbB9koYIZNCRFxEEkQNDpOYuGHPwtfDJBF5yzn2/lgJdYzt/z0XIrT3NQDVVp1OM9R"
    "FLjnaSHAXG31i1zgnZLCkbatSWbdptBiC1Apmgm7bvIbhtqJB6IqREg9R5zZsmjFq/ud0f"
    "0N4EP4gI9oHWdMr29+pwN/P9aJXOENzpnmeMASiTZWizox1FNq8GlgC+p9jemqyNZu5yNP"
    "O6FWDY2RXitr+73N9JX5mUCM+LHHTY+vYS9SeRR0bKak6mf5v/duK8S2gZQ6CLUjbx6v1m"
    "lzQ3DlYylkzY0DYACDXFswn2OUFrnW3aAwkdbji/FKXsVN4uA1cCWiTMylCuy9k0rZunaV"
    "3cOeZ8REGof4N9+3njQx5i39HR7wY69ppUj+b0rSndE+qHRBgjuy5moa2gKcHJbQpsUcjC"
    "WlHyWghuPmDXpCywlcC6lb6iJlDdam+RBVQdgax5jh54JrpBUap/ysHZ+XmbjDvn5/Upd+"
    "BcJamxEbW+Lmup1i5TrWlm23FVdqWmIOiCXI+mqz2b9zYn8aP4zKK5t2E3FyVtN3eum7sV"
    "VPwBtqUM6kOK4/PDNgHFeodL2yRALNl+n22WT9M9V+24v0CjeSQU+JAlmek0AEfa9fQ0Fq"
    "eBDpgdLe6AUxsNUQRZkKkOhC5mEdrLba9ZmgQBkg0c66DdOBVAoD4zoe4AgcVO+oeO9c3y"
    "A4xSn9oIEhmsNq7owFoI8C3mM7hmOqFBgCFad6LuEepiJkdjIqnCHI3+oBPCTvRbX3xHvR"
    "9GOm+2rg97B3kMIN0C8Sdtg21t9Gw3o2fjcWrmUsxEbKzhmolTovonVF3ZsGJMXqaHCO/E"
    "pfJg2/s65rzdy/a+eN0ydJzsfQ/lwcNsA2v2syveWsbWZNqHyfSJh1nNmEG95VRo1sqAYj"
    "mJlnbUFx4QXd4F4cwoQEEkQySJslZWGdiSHYQX6M+IhxhKJq5MDs12Q2nDOCQSkbsZVpcg"
    "3vFQRyEQr2RI7em+12y8RKN/vL9CT3VFRigFWUBp9Fpv9oRaO0dQCX4IOxn/IG7YkD8trR"
    "iftLTZ0w7DxEm7re0Smrbvoaay/QCP9FswUbpXIj2EePsRqQ+Y/a9ryuDDhKbGu/jNtPBM"
    "pIdD/LzVFqvzhj1W5+VNVlYL760WXqwKgjcrCYKtm7+r/dstK+sXHzdZV/p0K6sKckS0Lk"
    "0RKKHZE4lcHMwxnTKdiDquN68MG0+docHcJ5BBSRsgSN8OYanNEB6bHhdQooJjP04zrQwk"
    "gmUk9HOt21E7v+O1EhPK+kFHI2jgKLNNUHeEtIOL5DLUxNm0kbLVpkQcD+Nj6lGGSH20qw"
    "KscuU+wiI4ieboKZpwZdH56Ok1c30uwShU9hjlnlQ3hVbR3OFshL77Ho3iptmfSfvsb8I8"
    "CX8M0RtJ8dMvUMJ0hiny8FIen6IPIZoKHs3lNUuzF6lbFJMfnSY5QUbpO8TvpRY9yohCMy"
    "DBmIgTdcUMcrhI+ruSlKNj/ZKQt5svmC74ClOKUK98S6BxesDRB0Zgpqjr6fqxalThyKOE"
    "ueqDsk61A9AQ6y1OU4dPj5092zeHYDYyATdt30NwdxKSmZvtTWHOifUR7TZDucHFU3bwaM"
    "ziZdZsul4TtGlhNzbu54k6WMS+Ph9y2r4HqWCbzI5dpELW6qCTqoNl0Ov3PZYlv2rn42bd"
    "8N0kYq5WpMcR9UPK5Cnc74cH6J7dbIhMFe5q27zGr58XarLMD3BCaugAMLXXA31SA8UEvo"
    "LQo4ZvZdCZ4FeUetQAJhawCXo5kUcNXd6EN1mW1uXsorT1RalImJjpDOuStnu23j3WabNJ"
    "VxwEqW83FT2Kbu6W7+b/QqzXF5+Hg3oHzqrNsI0XR4ePOVBC1KBgAZ9oF8CqbqdO7g8Z/C"
    "GnPcJxUFrirUBHIw8vL/6l/jv5+PHkxx9H4NhQjWQ0zq6cXmtY8uTs+H7XbKQ9RWn7rDER"
    "t9TN7nk8RDPVU2i8hHNZbQH9HInL5EI/Y/zhoaP4WYa6OOuxandDoCzpgmdRfTK9jA72g4"
    "rrLkhrJ1TIdRmAMec3iIavkSA6k7+3KgCQRgFSuapbMASPyurZVI8T1V7oMgoQLSjrQ/fi"
    "p4XT8Lw2cq9LZFzD5qSs11rvTcokLAHdgoCWyTRahLc+yU3SvE988/bSsHSoSO8jmTs6o7"
    "yI+RWeVuss8alGVWVBXB6oESHmToinLdWUK7VIgghEgEQy5AERJ0parZYh9vkUlmiM4EAa"
    "kaADINQyf0Pmoa6qvmQuLPdAq0+JQ+7Ums20W2l6WlJSdn43G+vQ4e+saY2uK6bRUAamrp"
    "TGhmv0w3bCjqMdbCjJLkNJYJIyHL15mV2B3KcBHONlOoyLUnYwtwCaC49UJKxrWgkzkYMu"
    "ZLDniBGlvpFkZ+Ma0k21VHNSD109tVqh3AbjucX6tZZy3qQDLOVsYrVF87p92PrMsJlehj"
    "YGlHIsoEPsIY4czbh6yFNEpVRmzw1ZoqM5XkKwPrpDIvKJ+gG7m301LtWvLKFYdXsgVKmn"
    "TnJguMvG2u5v16a2anzjRFOCrOnEllDtqA1XnT64XjurSR58+Pbb9hnW7IMzwbcg1DuQd5"
    "LEJZ28zAt7FgV3pQn3dVLJb5POzfft8S+I9cmxsO9A9ng5N6+EXZCz9as2hB90KGPsc0I2"
    "PcOmyFuGdIekks2ds1JbXrXRWtaN6ZzS8qpUBiyAyBuHTybOhFREbtfXIC0J9mj62JpDfk"
    "6ESxKYxnMDeMuCFt4KfU99HB6VOnrMcPxWiVqIKyCmzJFzwjxTfNflDprf3xqct9inChLB"
    "A1NOuShpOeXOccrlblZTC63IE9CmnzNR29Gd7uiYVDbQTjOBPe7e1lxe+ijVx7eTg7qNdv"
    "qsIf90JXO5iQOuIGg/oU5/QlB4ZBMfq7RV1w6nf8dLqFqsjBlTfqpKukd6+p6JKo2mDrlR"
    "3WWybJUE+5fYf/vMVQ40M+OpLNijIb81W2pDy99a/fdDK8gtv9loWS5K2pW5yytz3FeOIF"
    "hWZe2oXw1KgnY1uH81WNzNMegx3L0xjPcuS1q82+LNo1CNU/XCMjRUeerk+4f9TqJhYvji"
    "GMCNxntBtH+g726CwWFUkabm/ukllesf1ttnpmLMdBEgc6gzsf4hvbV0sJ2K0P5FXau21H"
    "C+wfD+eG1nHrdtWySL3KrB4GeR0XE8NBT/TQKfLxBV5yT6Hv3+n1wg4RD9GWEW0nD533+X"
    "w7O3dlW7Z7bTzI/ND/4gK7H+dsro1meKywT2nyDuYWzlnaSCUxMpva0Y1Y274lZCe9wUl8"
    "43edCzOajDW+Jssr36OQXqA10yf5l05YEQRcmos7n3HlWvV9CD+uk7pXV/jvwGlVufbaNv"
    "Q4R7S2X7N0j9hlG6LZFgwaT+W2vsFyigjAZRoA6AKjyhQoZoHgl3hiVBXI2CIQopEXK4qo"
    "i0UAOTL8oa+G5vZdVyq5Yf4GS6Y7U8+bg22J+Ul7MbxDbfn0eB/qCbxBLnxWwoMRzRa4KT"
    "rgkOrAmGpk/NFWxykBaWECy+aq66NSwjsyb2VeZ+x4jgfVv7MsQilBsYJQVBG6HQHROkbH"
    "nq8iDmPZwTs/3b5f61jJ1l7Cx3Y/ZhWcbuMfb6QTB2V4mneFDL2mUthi2Yu8w73Za9wyHC"
    "adoxKtGCi3A2RDO+QD6HDGIhHNUb7HSSaDih3mip/lmiMUl84FVc3fYubJm5TnMVlpl7EG"
    "Yu/1gGGK+J2XCqVtW1bUIVm1Blz3O3TahyGPDahCo2ocpheUG00k1Do9ymeZkeLmptNnPU"
    "b+UobeToUMqajk0Nh0sdlBmjTmWssf2843728LLCbVm79hSF7KpeXobizZkhD3HF51NfzL"
    "AoZYEtA5tk8tFqpQGy62JWWVqNN7PNmHbbsRmVFeOlnWdcOIE72wTuknj/kH9x1gL5F2e1"
    "yMMpu/3DOpO7MrgP061oncmPsde77kxOyvv+AyowDqp8yYUGw/sLG+taji3dyG+y8sJxBW"
    "GoFxyeojg/wgWKFwz0F/KoDJSaWeUw3uwS1jV8oK5h6F1DrTon0rviSgdegbjTWvNOUvXw"
    "hQLEiSQRZoN4Xa5/cO/CPDRNz/OViXk2UplyZlER5Nzx7QznVqO5YTCv45vU8rolQhoGk5"
    "Ql7Xi+fzxbk7AW+sM1BqwN+Ii6uSNG33ssmIK5btN//vSwyeAjcUOTbf+XcxhvXJyonp3Q"
    "aSSId7GK4Z1z6GmEGSK32Vb9IVrQcIZcPFe/QlQGVChWl6E8jgBOQwwqKiPv+GbWijxUK9"
    "JWQI6VlJdtTJyX9RbOy5KBY2O3d6gB6onKBN1MYFfw9mnoxguCut4dqZid68Nd18Ss/zuH"
    "ilo6nWWETaIvKyQtpHBkKvginBmPz3UxC2YOlQ3GZ4WkhRSOcOYSDUtM71QouE3RARXSNj"
    "tKi0ABD1N/GUdfOcpsMRjIFZI2LK4O4GRV2gThoqiFuCLDD4RlbgZxlaiFuGo3l+YyTMOR"
    "18XsSgdHDmcnDOTncfjEYeQudJYEi7KfqbLFVnbUtrF/z+rt37OS/ZtiuFFQfV7OzhBVEc"
    "uC4BtnzFkkiVGmtbKkTba2ebI1rp/QqANyIhZ5m9S+u8aKTSTYT8emTST4ePrXhqHUq2SH"
    "GaNudyY8xl7v+M6E93dzKpafSQC9KgZVcSrFFsPGUBXd1hFJ47bRKowgwRcQAILGkXtDQn"
    "SH0mvAHgMoH0GZJCKkWW66cEYQDnlAXeT6mAZDJDki2J3BSQmRJkB1V0Sr7PhmFdEqvw/i"
    "GyXh8foesY38bxvIcgiBLIXua98JBTFbZMGwO0oR0KbwF8Qs/BvDn5uvSvg3JILIC/UJ/a"
    "0xgXF+PANMVwIWz+pxegAbUfa3sWrrJaKNi0PbstBmeUytzV+L/uFae93ak3AXEsGw/46z"
    "MLbJKuy9YpPh/ZvR3bip+XZ0ytBv5B0PXqNRpq2NtC2FfMpuoHz3TPBoOtMWmBqLnNHm3e"
    "mbX9FuM+i0PlpvnZFkwG6w37dCtHebD7YfH598NSZA50R2pAv0CeAHM3g7BvODmLs2NYPd"
    "W20VXLu32nZzh+0YnSfrY7yFocKGyZ9uYb/olFbJjggDn1UsgPgE4Tgr1gXUVEotkaMRlB"
    "kZoVTHPEZc+5cmk+yU/uu4Io2WTyZhtetqD/es9GDl0jslurL1XXVIfel2Kq+eazXmdue2"
    "zc1+m0O2vNOuKmFYl8ku0f2DQ4UbVyFi4OQrCtkdFGUDHRDayLgoCFrbonO2Rb6TQRvdoI"
    "tzYja8ucv9q1OmOGk/tDcOinIHvU9yD4ZBV6z1iHrknbrMoMpWz04Omyz1KTRzXNWutZtR"
    "izyRKHFPIhBeGb6aUYQQzyMM5Y9vlPmsYzu1i5DEXkQl4vsIh2iUnFJzy+hYGcsQi1yRCm"
    "1P97Suyg5/c8MGY1yTL8Z+nbzUdma8R9MVRVPHyK+TCfTOI/yiTWTYi/rIsBelyLDDsCMH"
    "6fQ7KMFcONPNPNBxdk1TKi8vZD2U93NNfwrHNG1lTqR/CJ+3GsjnDSP5vDyU8a1aII0iSV"
    "cSFuJWEGvd0WimSAX6B/D2C7OtNHNTgqIoaTmKLnMUNlrlUXSzjVbpbTd3hP+qD1RpE6Ni"
    "FJfyBpgnGQVEDNENWRIPjZcooIyezAWfChwgPicQ8o7eYh8zl0iEBUEeYVwE2KdSSUB9e8"
    "1H+cSbwoWkemi10GAmIVqEs8oI/D3d1nJfnSZc6rmveACYqKQrid5RMDYo/+AAniuAjHiB"
    "TMBaVPdbVBqsOEuyMEr4WRLsH9pbDkth1L0x3uSQk+kfwNufLCi7pSExphLXxHq37D1/1Y"
    "YVX7cScqz4q2qgPWe8NHarlUR7FGy1Z+faOFbqy/jX58ZZSRx0EMe2M4cbQJiTsBDCkbhk"
    "iAGCKwELIBwJKRFqsr4lvgGIRSELJBxxZ8S9gThenbLbAMyyoAUUjvhYhk4KjocrLARgam"
    "tiQitkm7jaw1v0G6AE6tVuwm09bA8zx6jNLPsYe73C69GlzLKxa0NH9w5qPR/x6eH97g9H"
    "B9a2dIJczdKNsk9kHJF7sfIuuDwI1MgLl2gq8HymWswFDbBYxi2HCCPBI+apf8eUITwJiV"
    "DH5ngZEBYOYUdtXI6u4ADZ/S2vGfYCyk5RPoNtfEvrGOm+sVzvGOlOetNH0xndi8h+YN/J"
    "A2HPBdkA+5WUTXK0KfQ8ElV8XUPAdibRw42/2+elc2ELhiHbZcn+OVx2EJFpjVobxLVje0"
    "bB7MofodjsoNKgyZ2/x6LRLR0va3qfRVPf15XJehKSS0Q+cW6I/t1V43XKYw95jrFdT+Lz"
    "e6EhXOff1mropNVgSIJuh/c8oKmtgvjMfw9tV+O8TA8Vnx2keMzNH633nuRkegjy9iv0Hp"
    "SjbvdT8dbcTFTKiJgua5nMQbvq9myACuIREphinZeyaJugfUuENEd7JWXRbo+2roJnCnZO"
    "yGLdHmvXxwuI4VMmnhnea4IW8/aYY++PSAJlwqMKtqUJ9HVJi3p71BkxBDsRsBgbzNxMPR"
    "WpSGTSOHOvhCzW7bHObWs0dXparFtg3S3aNA73+BE3UaerNsM29GniAE9rTO6IRC242TM2"
    "6H7etCBqSVRLonaWRDEjUbsTrdIN7mnflrzlsC2HbTlsy2EXOOxu6XpfaBD5OMGhTtnLNW"
    "ql7cmsfetMKIsZDk/oBImIoaPRL5dfrtBTHUP79Pb509z1RscXOkzXE3gSDhENIT6XQ9iC"
    "RJh5+gBmcpEE2q4lPtnBXa7ZNUtTBqvLMsgY/BfyOIM6PRNMfeKdoi8B5AleqFHLF6kkpA"
    "2GWqevkY/FFOoEMSL1k1Gmbw79PI1jjfkEjlyzJA9xqF4DhZzf6HaCqG9DhvrBIFHLnPt+"
    "nNSFeuot0wd3xvMR+h7ppNzqPmTuY8j98jQ9ktw1fshjG6bcfU2jMXfxAeR43V/I4NbLq+"
    "c+KoMVcU3qoFmRrflxk+mrDOP/fLn8VOfsykTW7TvqhlAfjcpDVC8acAMwNE+RBv6lo/Po"
    "45t/rg/cdz9fvtXg5CL64AJvS9BLeH4j5FOJrwK+YwGv+8adCMGNUupmAv0LLz47P29jrZ"
    "yf15srcK46wnhsZhYWpHq4Dr5ssw6+rF8HX5bWQRvKvcmkchCh3PlunlBG5Wyjfl4TtVmU"
    "u9bP3eIjflP9LgIsbgb1dMSqzbANG7FIm+/A9dTWHN5rofqOWcQ72U1Ub/vqFCLg5zfPMl"
    "YSPWgLbc/ejg4lrbArRB9XiMsoHPO7j0RKrAd4aXkoNmhcG7hu6gRx290vDL/nCDZG7qDu"
    "ZUiCua5/aQMOukmi2lLWO/QoesSL5sbe8aJU75Sj52dt0gerVg2lyEophB8sCKRjq/DDaE"
    "VzvPQ5rsC+nmPNiVh2+ytY1sNwguVTwxZRz5/ophcsUWIqMK7fVZATOWjramv+r3V1sIRl"
    "s/FUIW7J1M6ZUKX8qMYuoKKU9QMZ+YGse6LXX1SHqCfbzb3knn6J03sOKlin9NSwiW9K0o"
    "O2DoeUkesSKSeRn2YWRUdXn998+vLm3dWHy0+nX3599+79ly/HQ2UMsBvioZAjnGQYhcg/"
    "iORTghBVGNdyG6yNll3dow0VVjAt1UTr0eQTtExYN5mwB0+Q17FO2XF+PB6FjrqdR9RMaA"
    "L2utyujNg+VYoL3JnZiM4Eekjzbn8oqxXRDN5MwMLbZqZ48DqdXZodHht93ldFpKB4qNVM"
    "42amdOSk9kjlljnc7Y3t7Wc95iH2nQlhBuxtQcbu6Kv296jPfhNsKyQtwlVZpCIhCHPNIr"
    "tzMnucD959+ld5SkgPdrDabMIIOCnXZcKkrctaLq1zXNqa6w67FfUXGzTzTMI6H1o5Hx5q"
    "03zXkN76fsFJpN7EM1xe18Ws83lwUWRfDSf8NVEbttvl6d46Qh9FN1tHaG+7uVuO0M96NR"
    "3Uu0OTBsMWTlEnXpo38Y3Gkujo8/u///rpx5zHUiEu6dhfqhYuFx6kQyETLkicyiW+7z0+"
    "0a+/tk2f0mmasd7fGXe9oauzINQ7L+f2PW/grUwwM3dzFgQt2PeC3T0PfpccR4/Phf+AXM"
    "v2B3cyGWzCB1imfXCfL2MjdKtELcZVHk7rhbNeuANEuGOuIksd7oxTmvuYMVJlj3LuE8xq"
    "vqOV1Fr3jpXYrj6g7Ei+T6uJhG305dvLy58L3fj2w5qt+enXj2/ffz56rvtPNaJhwQTNoc"
    "wpM9pItxKwTqIynFPBF2GFe7MWzpWAhbOiitR87tONeOWipJ3puzzTWydRb7u5K94DWLTe"
    "Ru4Nqd5KlTs9bPQcQENnrFu29Bu8x0LpIyheNtGChjPYwEQF4guGdEHH5WskYc+9hLTvCy"
    "Q5JGQPT/Q5yOo+oUKGp2jkkXE4QjOuXhhBZcITwEaiMfH5Aj0rexX2emfj/VeQ84AMVJvf"
    "k1+HaX1LqbdkFU4IojQ+SbITWa40u3Orm54MWwHowWsUmqch/OoMhB3TkR4G+2zSasu9Zw"
    "I9JN23HChMGQ0pNolrzEn0aT7ZYlRjoK6dpPtp7cLIyVhU66t7OzjgEauwauqn4JKgjRdd"
    "4SI3MBGLkpYI6JqFWJyMMjXfsJeLkraXu9zL8RfpiKjCP9ZQiqQg1b+tILZGhv2cDpJWew"
    "9W46COVYvPDu8n1cD4pC0zYg8+BEGk5ZFPPKhh6FNGTtGIeiSALL0jRCWKBxuaq9MxrxDX"
    "VoQKidBuzkPYmqnOuTPMqAzQhIuELSuTaXu5Y2WN8QInkt6uorj4WruEQeORcBOaLfdVW9"
    "rM0madnqAfhrrBrlttrzXsTl2J7HGDN77FNL5CCf/iqY7m7zU1ix/CHD4gusFWDNjhYNVl"
    "io0slVSgh0ZKGz73ZT2h+7Kc+iFWUAzgXUn0D9+/tcm287f6bDt/K2XbEZFPjPWJnJD1A2"
    "2qTGSqusHYzsv0cXLeRaK0MfYxc4mDJyGpyGxeO8hLcla16EBAY+88F8BkVKxv9WVYMgFb"
    "6XrzGiyW+9ykKyz3ach9yreRN22IKUzPD+/lP6Uz1k3bZiNgLMJ+GtsXi6IjjCBSD7mE+m"
    "oEHJ8iuNuFziggiZo7Jj6eVmQf+Lpr2WwDnVZI68nGJcEm+lLafDvLehfw39oaH38zTt1e"
    "mqYhXRLtkxa6Z4tLTerMUShR7oznBiO7JLe/Pvj22bOS8poe68bYhmnfxIRN2++RDY/XpD"
    "IVnjvekVjGjuguXyDo/43vcxcnkJTUl/UmjRqM3kTg4Kx1SyXmtxl1ZyjZTYFwvBcBeYIs"
    "0ETwYIgkFH4R5JYIiSExkgy5+geRO3VZHwrBcKWKpPJHXNApZaphvLfhuKzp7OOGVh3q9G"
    "pRrw49UMx8iymvr32RV6DgkzIGvyBmFafN/d7WH/vVOlNXlvYQTya/Sr3wlBf17GTzcg7N"
    "HKU6iZYL+RdYJtE0our4EAVYqK9SCSOsVlfsBZTJCwiAYiENqVpOIerpN/KOB0jfSTeDOC"
    "noFe6T8rq9g+vbZbrTc1P9Mq1/GtgjafseutN2kNGM+0bgpu17CO72C98siMsDPa2aZUJc"
    "l9tK2EOvs05C2sjbioHcmDloJbTHxEEp6nmQs57ocNogbRgb6+t5KVubbENlPeQ3hEnnFv"
    "vUqwt6aHZxVl/BbprqmqfTOrTbfYbqBb1L5i+TEXgg3Z58LF31b2uba1BpRMKJYbMBCbRp"
    "S082ms+WkrrYR1rsIrHzdHYZNoXi35yR1yjE8kaqfwV4pxNeFgw7QabAOL9GOKsmDg8sdV"
    "Z83a4q3/5e7mltzE4vqfU2pmvo83K36vPqkGq+/QTl1nzfaULyaeKra23AZxI2u/79g9fa"
    "lbu2K62aa9Xc/au5n3lYHwhRaNCo9mol0olJDpFItNSCf+ILpJ5xmewbl9pfoa/0RCLBoS"
    "CU4GPK0AxL9T8UlEQ8CiFgYYIFOoLmjNyFsSILe9HDSDAJQZuIVURC7OF+Vvs9UO33gbi9"
    "x9sVOW4PPiIz3DORg95uswecO7LgXNFq37w+3ri8QInmlsvJx3hWn9E50jWdkdId3BlUDF"
    "yieIMWusV+RNARg2A3HQgXHr9GBMMkrlMFA5URqO6lkEddlFeQ3dzCLhod/oKaFg3TeuNf"
    "V2q8kz2wtZBry5Hs0IaP5yYnnCnzBTKaG4zZKlEb/1a1ZyCb1M02YpTk9ofu82cVOzGyg4"
    "8+rBC0EzUBsWmlSyh39l4NxnF1w3aKTD3UVlE4UEWhyynO+tobK/Rhm4tjqqsVheyKVxmU"
    "Y4xqXsRiWpmaHktTb1YqYVXhFqqwdbbUQn8gzpWuJ8n4jaiPNfwFLz/xkE5o/XbT6oaNyu"
    "QCsuiGc7xUL76SaVuV65aIJVL/KEHiofwVhogzN07imz+MqIeOoFRLJCELhkvoLfGGaC44"
    "1JSFX+mUcUG8Cm/Lzu9mteFO618Nu1lyfV6pEzewPmXR3sUfbT9ERifnjBEywLoo1UPlYv"
    "vVB9QCphN1GmNdEtxjJolBCexOIzwxw3WyMZod23ex8zC6uqy09Vn78jI2cd/miftincdk"
    "XK8k9ppyJlbJyhNG4cx2kqa22YhYb/c9L9l9SpWmoIwSk7rvRaE9EvPrCD//ap1vawyFj2"
    "XoECF4xRas+gFblOpfEuuz8/MWI1a1qh2y+pzlKh4JV5Hv5szA3aCj12Xthsau9XRnWCmX"
    "B+91lYZKKio7O7yHf+KBoy3D1lvdUgpoiDziiuVcDTzkYt+H9xoCz8MFRNqOyQQSntAQAm"
    "vVKYWhrjrl6d1n2TiHUCuMFlzcVAVo7fRu1+yajWKrOC1+5am7Kb1HZ1JL062EsDXuSLcb"
    "otjxi2DcDnUD6sGOOfVIAtSKIXqnZ+or9WkeX8QJXJ7IayaILgymH8aL5j5QHupP9d37EH"
    "oMXJm6uKe0a8qUoh13CIqDzjx+ir4kLBrkeoOi9ic/pO+U/OVBfa6/rlnCqKGjiAEGDCXP"
    "fUPmoc4pE6eaOYbkt5j60HKKbwmK5khvokYJILAY4jAkwTyUo7b83O85PRYCq9Mr2Gpd3S"
    "XvsvFvTiVttcZDhwi7569a1d951VCA59VDV+Dpmn636xI88bxszNOtiVmoW0A9x0uf44pJ"
    "u55Yyol8Fa/UNagtsVRJLCVaSplXyp/oJq2U6jwGpFJe5KD3r2wv9ntN9yth2WwDV4hbxq"
    "NzdrDlEO+bnXbCIabU/Abf1Zqo/aY6/U1ZFrHPPd0RFvENEdSdDSoYxOTMsIk9xKs2ndkE"
    "8Vhoo69U1uoJIagbYZiAJyfSQwt6J8s4fFQGCCfNe4ju82ftil03VbsukW0Ja29CUeRELE"
    "VhSFE86GL23/8Pbc0Zaw=="
)
