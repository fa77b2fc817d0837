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
) /* A what-if run (`POST \/admin\/v1\/simulations`): the draft, its progress and its answer. */;
        CREATE TABLE IF NOT EXISTS "metrics_watermarks" (
    "name" VARCHAR(32) NOT NULL PRIMARY KEY,
    "last_entry_id" BIGINT NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMP
);"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "metrics_daily";
        DROP TABLE IF EXISTS "metrics_member_days";
        DROP TABLE IF EXISTS "metrics_watermarks";
        DROP TABLE IF EXISTS "metrics_simulations";"""


MODELS_STATE = (
    "eJztXWtz2za6/isYfak9ozix46Spu7szjpvd5swmzsTu6dlNOjREQhJqEtACpGXNtv/9AO"
    "BFvJtQRBmisR+6DomHpB7c3hve97+jgHrI50fn3u8RDwNEws/oPxHi4egM/HdEYIDEH82N"
    "xmAEF4t1E3khhBNfoWDW3GFxe3UfTnjIoCvfMIU+R+KSh7jL8CLElEjgOQggiaAP1k8AcE"
    "LvEIDiDrtFIWLfceDjAId8DJYQh5jMwJQyAIkABZiI2x5yMRdPPJIv9agr3ipa9fD8r+Qr"
    "4SEM0RlYIOLJpn8AQQsTT/TEnwz9jtwQeUfgXF2UDcRtHyMOcAjCOaPRbC7+HwEfeTPEQE"
    "Q88V954RatvpIb9cpn8dee/QV7KFjQEBF35Yj7f7sBB7Lp+sfw7wBdEiB7jy+giw7HABP1"
    "OC4uAcE+4aIDxLcDyOX15PuBO4dkJjqEU/lhmCef6QF0L9r7K0CJi8ByLtreJR9IomAi/q"
    "RT4IqbEWOKTPU7Recq7iOCRe87IZ0hgWCiB758GQVI4hzsyRalXzT67Td5UZBwj3jcXH1f"
    "3DS+u7h1phj5XmGcxk9T151wtVDX3uLZexL+XbWVA2HiuNSPArJuv1iFc0oyACZqXM8QQU"
    "y8VL4hZJEcpiTy/WRwpyM3/m3rJvFH5zAemsLIl4NdouMPWF8bOc7Hy2vn6t2144wqEyFF"
    "5MZucklwLSeR+FSuCJjJT3j2w8nJy5ffn7x4+frNq9Pvv3/15sUb0VZ9b/XW93/GH7NmK3"
    "6U4uz9P95/vJYfRMVMjWezvPCnwsAQxijVN7lVIt+l3TuhAHu4L1Lm2zojvbDujfVKM7Du"
    "WNMPAxrFdBW5byR+DRgS6yfHp9+fvnn5+jQjO7vSxnGVT4YgF19Q4fNiDlk9oWtEiVDxmf"
    "tIaADvHR+RWTiXLL540ULf/55/vvj5/POBaHVYHKgfk1sn8b0ix+WFX4PsGugAWT/uxPpx"
    "C+vHVdbR/QIzxB1Ys1r8JJgKcYDqSS8iS3x7CfQo/aMD+8kuaQr5LVxfv//w7ur6/MMn+f"
    "iA8//4iq7z63fyzom6uipdPXhd6pbsIeDX99c/A/lP8O/Lj+8Um5SHM6beuG53/e+R/CYY"
    "hdQhdOlAL89Jejm9VOjlTGTqOqMywO7m0SgRmEeV/szf2M5E6jSPWqZReRYlOg3ynInWwl"
    "XGDXDVOu1C9mkz2acVsqWy5WlTXURtRLRhC9QueJZKrVhV9BaPCnB4bPciAaVDVH8vLiLt"
    "XmzyXoxIyFbamnEetZGKZliPPo5e7Aq1LNxohhWRW5hhpu3a+z7FpCFwepszRskLE+jeLi"
    "HznModekKb2lZvBSdB+QokcKY6SbIpvzO1i8tHXEhjirJuVu3m+fvjVpO5+hg3btrRWv4J"
    "MRDb0MA9YJGPxP8tEMPUAwffeWf/Ev979uHDs59++g5cSfvuHGLgwdUYUAa+8/EUfXcIIg"
    "6l3VdauF244FWTeV8vedg2LF+WroHqhRXrsDUHW3Owyavs42x7uXnTnfz8ZLPUb0p9sk5V"
    "mG/WntaIAVoDjl93Mb2UZYec6eV1WWlyNT0d7u4dHS/K1L745lG8Nc/Ggqond+dvDXi6BB"
    "oia17AYAHxjNTJmdm9VhnTTVp1FC8/xFKfEObA81QEDCgJ5yAQ/YJlfADj4GACOeYgHihi"
    "yr968eIF+Cs4Pnp1f3gELu8Q84XId6ZCBuZ4Nkc8BEtMaiTNHbyvRui0IqU5G2mzSKn+X2"
    "NbTdsPcFN9fdphU3192ripylvFXWE9vZzJQmNzqOCGJDluMZogDo5ytQZwETXAYXx80kU2"
    "PGmWDU/Kw5iHkIWb+LYLQGtON83WVzSnextFL6xhtn9N7l8h/Dl06iixT2MnKsMG5DPZ2j"
    "6ky6kls4XMJUK3YtBp0JlDWEKrhKI7VGuZ+J+ry48Na3qGKC/p2A3BH8DHfA95bSFNUlFY"
    "x1Nh6ODD+f+V5aSLf16+LS/Q8gFvS7yHUnr3BZe+FvklmO2BzXtAnse4q9EN3lLqI0gaIr"
    "gzUIn6iUD1pRukZoc86ZkpYttcv728/GeB67fvS1aDj798ePtO6AiKeNEIhw1WeRsH0LyM"
    "ix/oXRJ/lXTlnsiSyagzNSzgYo7cW1xvqU1ujVsNtXGjbnba5r5+2MUuBRLrVN8LC6h1qj"
    "+qZ7dW2JebR6NC+tCOsYfUt7AoV/yKPU5sLrcaKtIaMKSBuj0FHt6iqMY+3yoorkE7FBSz"
    "K3lWdXcvKyqaNZz3RDQ0PWT0ggaB6NJw9V5GesaH8WsFxbp27VJjinDwGtLR139JEMihAE"
    "MLysTQBJMVgIDTiLkCFQ9FGf4JDtJrDE0Pj4A8QRbxM6DCWFXuA1d8qPqDUPHsP0alMdb/"
    "G7+SNCfDgRvxkAbiGYSGMtNDHFuwQuGhaB2fbPTAgbzJ0Axz8VHi30sczpPkCUsx5ejysD"
    "luNf60NG4VTa1QbZIU1yxUF/qteycUYEOSVXYdqSpmSoX4Np/4tIbwYTjD33Tyhr9pcYe/"
    "KfvDb8VP06E3bT9Afl92CTZ42Rxs8LISbIDuxS5BoO9EHLG69aOZ5xpoT0cmd7qg9x2k9F"
    "j2D8NofpSFesZotKjlvnmY5zHDOxK8/QEeC7Q6DK8RA1yytx8fJvRH+b0Vgpu9nGuEdXBu"
    "7uCkrgpl3MSoUoJaq4q1qjxgVblSqtmozaCSNBl3s6XEul7n/JVCpLtD7FlIn8V/ARf6fp"
    "wm8ebT5dU1eJ49+vnd8fO8pSbJ5qj2TTCh4RhAkDUGIaX+YV1Gy57fKHNcXssEkshlKARc"
    "nh8BaVZPcPDzh/OLZ1c/n5+8en2YSx95ixbhjyBOThlgAs4/vQd8Tpcq76XMJSleFQJlM0"
    "0TddqzGUYLg/ZsxuNIhWraaUmFGWKABPdiKLERWNatZgXAfRcASSim5N+p76uPqxH/8g1a"
    "hb8lEkKQGIMK4EwVoqMAeJF6mv7y7G9gFmEPnYHlnAopSPqoxF/BOEv7vZxjd64ybxPkg4"
    "MblYXxRkhRkMimSgqS4hIPse+DORU0VOW/vl+YpjhXrja15Am9dw79KThIXoHFlIxCICRP"
    "PMWukufGytG2EuJiEIUR9A9VLvRAZkV3JkKkDuF0Kh10uWupi+4ISMfgguEAslX8g5T3L3"
    "PhwYCSWSxZxp9DCeJH4EaFgztyEbiRAqjKbX6hFo9rcU1KwyrNOuQhUE3TDOdKaIUEiF8r"
    "nh7fWjAqRH4ufp2/To7O5Y+aC9qb3YA1lt3kL+sP3AtR1gCrvmn7U98Crj7T/RM8JL+JWm"
    "z1Pdw51ICOK+3YbbLjRMymcW4dJrsk+KRbjtqWFLWVHP3cSQQxTd24CLSBpx00ZCVMb6Af"
    "53FWOzZOOy76H2NtR7+Ti0ibwcDkXl7roXoSVxG319nWdiBlmWV1uoazUbPJSd4dd7c3hX"
    "DW2dvoUrYAAgBgaiqJpHtNuvFSe0qNx7AjStPEoX7RzLHGDpPmydgaO7Q65gkaOwZFcLIC"
    "aRC8RlhrUj2/xuy1bNG40ca3Ou2ybKGxxcrIFwn5jmd74zO5c7piUfXpLELgAMZbKfEADn"
    "kcS3M4VgEwsvYqXxFXHmmKfQhOtnAKTHVr7v1tNsZmT/fqx1/XHrcTet42bAhTj+Q+yuGB"
    "J7AvVznWHcZFlB3MHYimzItL+XTfCTOINeo8tAHmq+P5SHJSZbrN8ZBDWa9DB69DtPA2jM"
    "srIq3nwTibtDFaW7RoSnCh7ozbj2HINho5LGLAOsdDHMQGMOdC7blFK3CwgKtAxnhlxcxC"
    "FCxUmNc9IIdA5svhqr3MHJGVGg+rylr/r3tYWyulc4vDB36zOpyROpwrxreOdJa2H5z+dt"
    "JFKjtplspOKlJZNuF0+C2ABkdyLycl0sVLO56sBOxLEh7qomJAGgTT5LNHKvAXb+fa/Bdx"
    "Ng/FpgmDHqO0pWHBMo/DvLWQ9mhUspmaeiwZCgNZA9Sh06kzRaRKc+O6UQUOaPnYXklRxF"
    "yU0KRVPa4KtPTWJf29dzzMVR1bzfFbB7UU11CMicNlrlBdfsu4vbbvb43OO+hjQQmjga5N"
    "uYi0NmXjbMrVbhZLC/Y36+cMajva6I7e8SG2jboytuWln1J/fSvSaZczVsfNZ6yOa85YyQ"
    "/cwAFXANopZPQUivhmPlZuz/zsT/+miS207VN16AHJ6Ts2VCk2VciN6C6dbasCtGewOx1o"
    "SEnTU56qwAEN+a3pUhtq/lbrf5hahu7o7YancfNIuzObvDPHfeUwBDmtmUFttSZKQLsbPL"
    "wbLO8XUMox1L3VjPeuIi3fXfmmUegkCXk1RZ4m/PC47yUaJqYvjgHcaLwXoMMjvb8FRjfx"
    "Txk3PK63b5mKOUOM0ZrzDg9RncGGx/TJq1ddwhdfvWqOX5T3DDpXKxehT+JZUInYDYHaaY"
    "Pxw/HaziJu2zFu+wrdicHgZ5HRcTw08kAa+HwGsLjHwV/Bl//mAgnH4D8RJCEOV3/+Vg3P"
    "3tpT7ZlZoy0/Ni/9o+zEau5U2W2upZMBvqmUjmk0t9DaSy0dm6repqp/vDVF/EDvkvirpC"
    "v3xFCUjLp2D449CDmwXq8xD6qvN0rq/hz5LSK3uttF3pYR7h2F7V/nSJ5XTI8lIsgIV/9W"
    "EvsZCDDBQRSIC1IUnmLGQ7CImDuHXKba91djEGLE+Bi4MBCNZiSpjl2VwPt9lRXLrVi+h4"
    "tpz2J5Mrk2OJ+Ux9kDYpufz8PS/IE3iSXOw2wosbyi9gQn3RMcuSdoqj4NT7DJQTpoQnLz"
    "FWvVXSJ0dFX0SzBbOXdzbZ+HkIV8A6WkALQRCuaoIFXNExFvkx7OwWz/mty/1mJnLXbWdq"
    "M3sazF7in2+l5Y7K4TT/Go0WqXtRh3sNxl3umu1jsYqhrtKu0Y5mBJWTgfgzldAl/WxYyr"
    "r6sDdipJtLwhftFK/GcFJijxgdfZ6rb3YGuZM9pWYS1zj2KZy3+WBsclmA2nagynsglVbE"
    "KVIRxMsQlVbEKVPafYJlTZekIVHGrlNs1jBripdTnM0XyUo3KQw6CUNYYtDftrOqhajIzK"
    "WGP7ued+9uCqxm3ZuPcUQXZXrytmLw9nhjSENdOnkdcSyhJbJTbJ5KPESg1myzArLK3Hm9"
    "5hTHvsWM+UFfOlnGeUOYE734TuCnx4zL886cD8y5NG5uUte/zDOpNNGdz76Va0zuSn2Oum"
    "O5OT8r7/kBUYR3W+5EKD8cOFjVUtx45u5POsvHBcQVjWCw6PQJwf4QzEGwb4A3iYB0LMrH"
    "MYb/YI6xreU9ew7F1NqToHGVxxpT2vQGy01NxLqh66FIQ4EUdMbxCXccOjuw/1UDc9zzcm"
    "5tlIZMqpRUWSc9e3M5w7jeaWwVzmN6nldYcY1wwmqSLteH54PFuVsJH6/VUGrA74hLrZEK"
    "XvHWRE0Nx06D9/e9ym8KG4oc6x/8uFHG+UPRM9O8WziCHvbB3Du6CypwEkAN1lR/XHYInD"
    "OXDhQvwpozJkhWLxGEzjCOA0xKCmMnLPL7Na5L5qkbYCciyknHZRcU6bNZzTioJjY7d7lA"
    "DVQqXDbgboi94hDd14QxDPu0c1q3NzuGsJZv3fOVbE1umsIqgTfVmDtJTKKzNGl+Fce3yW"
    "YZbMHCsbjM8apKVUXqHERYqW2LxTI+C2RQfUoG12lA6BAh7E/iqOvnKE2qIxkGuQNiyuie"
    "BkV9qE4SLUUlyT4UeGZW5GcR3UUlx3mkvZMnTDkcswu9PJK/tzEkbm53Ho1CHoPnRWCLKq"
    "n6m2xVZO1HbRf0+a9d+Tiv6bcrhRUH0eZ1eIuohlhuCtM6Ek4kgr01oVaZOtbZ5sjaov1O"
    "qAHMQyb5Pam6us2ESCw3Rs2kSCT6d/bRhKs0i2nzHq9mTCU+x1w08mvLtfYLb6jALZq2xU"
    "F6dSbDFuDVVRbR2WNO4arUIQYHQpA0DAJHJvUQjuQfoMecZAlo/AhCMW4iw3XThHAIY0wC"
    "5wfYiDMeAUIOjO5U0uI02kqbsmWqXnl9VEq3wZxS9KwuPVO2Id+TcbyLIPgSyF7uveCQWY"
    "LbKg2R2VCGhd+gswS//G9OfWqwr/LYkg8qAhsb81S2CcH0+D0zXA8lk/TvfgIMruDlZtvU"
    "S0dnFoWxZaL4+p1fkb2d9fbc+sMwn3IWIE+heUhLFOVqPvFZuMHz6M7sZN9Y+jYwJ+RRc0"
    "+BHcZNLajdKlgI/JrSzfPWc0ms2VBibGIiW4/XT65k+0xwyMlkebtTOUDNgNzvvWQAd3+G"
    "D78fHJrNEhOgfpSRYYEsGPpvAaRvOjqLs2NYM9W20FXHu22nazwXqMypP1IT7CUKPD5G93"
    "0F9USqvkRISGzyoGADoFMM6KdSZrKqWayMGNLDNyA1IZ8xBQ5V+aTrNb6l+HNWm0fDQN61"
    "1XO3hnrQcrl94pkZWt78og8cXsVF4Dl2r09c5tq5vDVodseae+KmFYl0mf7P5OZYUbVzCi"
    "4eQrguwJiqqCLhnaSLkoAK1uYZxuke9kKY1u0MU5mA1vNrl/VcoUJ+2H7spBEbfX5yR3oB"
    "gYoq03K+pddHQtvfwcSLIjoQyPwS1aIQ9MViDABD9bMDpjMAB0gaTLD7yFPiQu4gAyBDxE"
    "KAugj7lAyPpeyj3oI28mH8TFR4vFABIutWVKaj2QO3qtdVMaPN/GLYp4PAB0ZO01wjolrV"
    "PysQleCIK0HGMZYHiese2X+lFkxVlimFbCgwpweGxvWS0n2L3VdvLmMMMjePuLBSZ3OJTD"
    "Ui8DaAk2uG1v+9XZY8Y8Z7LSDhepQAdkbNpxzMgkFuo1zHw5xF4rsdvOnKRBYQ5hKZRX4p"
    "SJGgyuAZZAeSXEiInF+g7plLwtgiyR8oo7R+6t9GOolEUaZFaBllB5xYc8dFJyPFijIUi7"
    "eINNvAbbZhzfv02/hUpp7LZBiJ2H7X7mWLCZNZ5ir9f4mUzKrPEBCdZd/pNMTjuqdX3k7o"
    "/bHSCqpeNlTR9ygzR3fW1wX7IpyAIzzi1Sf7ti+M5obFHKSTjloL8vhYbyOb9Z94OR7gdN"
    "oWE7coJpK52eoJCfD10tWHnMACOkejgSkls/Ogeo5jADJHn7GX33SrHdo1A0zHmEdLe1DL"
    "PXqu2OLawMeQgFulznUZZtHbZl0Vh9ttcoy3Z3tlXWPF2ycyDLdXeuXR8upc9LqHh6fJeA"
    "lvPunEPv94hLCwqNaowvbaSXkZb17qwTpEl2ArAca6zcRHxVXRWH1pV7DbJcd+c6Fwbcne"
    "scyHLdzrVZZtM4MPwn2GY6XbcZdzGfJulR0pyUPRlRC0lYMmvQw3bTAtQaUa0R1Vgjip4R"
    "1SbvfVxN3tqwrQ3b2rCtDbtgwzZL1rvCQeTDhIcmYS/XqJO0x7P2nU8OLucwfIangEUEHN"
    "x8ury6Bs+hF2Dy/O74ee55N4dn6pyex+A0HAMccqBO+SHOASSeugAJXyJWd1Cwh7d8JV9J"
    "ms9HPJbIwhV/AI8SmddnCrGPvCNwFUDfB0sxaukyRQIYV674EfiQzWReIYK4+jJM1MtlP8"
    "s0Q+J9dCqvfCVLym5Fy1D8DBBSeqvaMSTmBg/Vh8mDjQvq+/EhSOyJX5l+uDNZ3IC/AnWI"
    "V7wHLXwoz0o+T68kb40/8tCedzRf0miWlW1ukZ7TsecmlcaOWELttVVka37cZPmq0thcDD"
    "QH+aZioKaN2hbeeqkGKm7J79diPkXYKqyb826LOeyomMNETy0soAa4D5522QdPm/fB08o+"
    "aOP5N1lUDI/krgbwTzHBfL5RP5egNjOUaf1slj3iV9HvLIDsdtRsjli3GXexRizT5j24nr"
    "qqwztNbG+YRtxL9o5m3VcduZN+fv1T+RXoXmtoO/Z2GHTIy+4QQ9whLqNwQu8/IM6hGuCV"
    "7aHYoHVvoKqpE8Rt+98YvuQMbATdyzyZIQoWKl+mDTgw04hqU1/36FH0kBcttL3jRdTghK"
    "Pjky7ptkSrZkv1SSXllsEFrZ5ADMgCrnwKa7hvtrHmINa6/Q1W1v1wguVTKRVZz98w0wuW"
    "CDE6tcnzkL3Wrrbm/yqLgxUu25WnGrg1phqnQlXyCWm7gIoo6weyRb3tjDLQ9GS7eZC2p0"
    "9wFSASjmqsTumtcZu9aRE36hwOySPXRZxPIx8kUHBw/fn849X5xfX7y49HV79cXLy7ujoc"
    "Z5XVKYBpgcLJSkXyCaCMKoxrH4xKo6Wvd3QxhRVUS7HQejiZgtYSZqYlLFcHQ7OcYRU5OK"
    "PN9vPR0yh0xOs8JFZCHbLLOFvf8OHjI4E71xvRGWCAZt7tD2WxI+rRmwEsvV1Wikeva2PS"
    "6vDUzOdDFUQKgofYzRRvekJHDrVDU27Vhru9sb316hUhDaHvTBHRsN4WMPZEX72/R0z7Tb"
    "itQVqG67JIRYwh4upFducwO1wPLj7+q7okpBcNrM6UWAQaSoO2W9LKWGtLM86WVnLdQbem"
    "XkmLZJ4hrPOhk/PhsQ7Nm8b01s8LTiPxSzzN7bUMs87n0VnR+qq54JegNmzX5OXeOkKfRD"
    "dbR+hgu9ksR+hntZuOmt2hSYNxB6eoE2/Nm/hGYyQ4+Pzu7798/CnnsRSMczzxV6KFS5kn"
    "06GgKWUoTuUSv/cBn+i3P9umTzHazNjs74y7XtPVWQANzsu5fc+b9FYmnOm7OQtAS/aDZJ"
    "vnwTfJcfT0XPiPaGvZ/uBOFoNN7AHW0j56yJexEbt1UMtxnYfTeuGsF24PGTbMVWRNh73Z"
    "lBY+JATV6aOU+giShnm0RpW6dyJgfU2g7Eq+T+sNCdvoy7eXl/8sdOPb9yVd8+MvH96++3"
    "xwrPpPNMJhQQXNsUwx0TpItwZYJ1GVzhmjy7DGvdlI5xpg6aypIrVY+Hgju3IRaVd6k1d6"
    "6yQabDeb4j2Qm9bbyL1F9UepcrfHrZ4D2dCZqJYd/QbvIBPyCIi3TbDE4VweYMIM0CUBqq"
    "Dj6kfA5Zl7LtO+LwGnMiF7+Ezdk1ndp5jx8AjceGgS3oA5FT8YyMqEzyQ3HEyQT5fgRdWr"
    "sNM3a5+/kjkP0Ei0+ZL8OU7rW3J1JKtwgyEh8XGU3chypdmTW2Z6MmwFoEevUaifhvCbMx"
    "AaJiM9DvfZotXV9p4BBmh033KgMCY4xFAnrjGHGNJ6ssWoxkA8O0n309mFkcNYVpurezsw"
    "oBGp0Wqal+AK0MaLrnnhG6iIRaQ1BJimIRYXo0zM1+zlItL2ssm9HM9Ih0U1/rGWUiQF1P"
    "COgtgaGXY67aVZ7Z3UGkdNVrX47vhho5pUPnHHjNij90EQKTzwkSdrGPqYoCNwgz0UyCy9"
    "NwBzEA82sBC3Y7tCXFtRVkiU7RY0lEczxT13DgnmAZhSlljLqsa0nbyxtsZ4wSaSvq6muH"
    "ipXWJBoxFzEzNbblZbs5k1mxm9QD+O6Qa6br2+1nI6dQ3Z4QFveAdx/IQK/8Vbhubv1VWL"
    "H0Md3iNzg60Y0ONgVWWKtTSVFDBAJaWLPfe02aB7Wk39EAsoGvSuEcPj94cu2XZ+aM6280"
    "Ml2w6LfKQtT+RA1g+0qTCRieoaYzuPGeLi3EeitAn0IXGRA6chqsls3jjIKzgrWhgQ0Dg4"
    "z4W0ZNTsb81lWDKArXS9eQ0Wa/vcpCus7VPT9snfRt6sJaYwvT9+0P7JnYlq2jUbASER9N"
    "PYvhgKDiCQkXrARdgXI+DwCMi3namMAhyJtWPqw1lN9oFve5bNNmC0QNpsbFwhqCMvpc23"
    "s62bwP/W9vh4zjhNZ2nahnQFOiQpdMcal1jUiSNYwtSZLDRGdgW3uz548+JFRXhNr5kxtu"
    "Wyr6PCpu13aA2P96SqKTx33ZBYRkNklysZ9H/u+9SFCSUV8aXcpFWCUYcIHJi17ijE/DrH"
    "7hwkpykAjM8iAI+hJZgyGowBl4VfGLpDjEOZGImHVPwHoHvxWF8WgqFCFEnxB5ThGSaiYX"
    "y24bAq6ezihVYcMnq3aBaHHilmvsOSN9S+yAtQckppk1+AWcFpc7+39cd+s8xkytYewun0"
    "F642nuqmnt1s385lM0eITqzjRn4lt0kwi7C4PgYBZGJWCjCAYneFXoAJP5MBUCTEIRbbqY"
    "x6+hVd0ACoN6lmMk5K9gr1UXXf7uH5dps2em1q3qbV/2voI2n7AbrTeshoRn0tctP2AyR3"
    "+4VvlsilgVpW9TIhlnFbCXsYdNZJmTbyrmYgt2YOWoN2mDgoZT1PctYTBqcNUoqxtryeR9"
    "naZBsK6yG9RYQ7d9DHXlPQQ7uLs/4J9tCUaZ5O69DuNg3FD/Quib9KRuCedHsyWUz1byud"
    "a1SrRMob43YFUppNO3qywWK+4tiFPlCws0TPU9llyEwW/6YE/QhCyG+5+C+T3unELisVO4"
    "Zm0uL8I4BZNXH5wVxlxVft6vLt7+SdVsc0ektt1jFdTZ+Xu1Wfl0Gi+fYTlFv1vdeE5LPE"
    "V9dZgc8QNrv+w4PX6pV965VWzLVi7k7F3Gtc7ypR11uFXFkxs6OM+0Gdz+VzvACqxKYQIK"
    "E7lwWcViCOlwdCGY8QOCAy9kDFJYSHPwIEGUkyN0rJMhDjCcu0tqwq0vbzCivB7qkEq1v+"
    "9dsqvxrZA1uLgLMia48iVbw2OeFc7CYywazGmK2D2nCEuhDObFHXi4ut4HbH7vGLmsDY7O"
    "KTj/KQ0olYgMis1kKXu/ugBOO4qmE3QaaZaiso7KmgYHLGmaH2xpp9GXXs6MpqRZDd8Wp9"
    "pNqs5iGW09pMwZDrGhdThBWFO4jC1vbVSP2e2LpMP7P8KxKTNfwEVx9piKe4+fRPfcNWYX"
    "IpkxqGC7gSP3yN6Vok5Q6xFRD/EUDkgfwTxoASN86pmL8MsAcOZOb8iMtDyS7Cd8gbgwWj"
    "ssSf/BPPCGXIqzkG1PvbrDRstPzVElyc63PNetU10MG5g7fvsVS50mKGNLguogYoXGw/Gb"
    "TYwFTeNG2uK8AdHuwdVcg2muGpHq/Tjdk0LAy296iGpiSBzUmU8hibR2nzPEqxzKMzrteI"
    "nWYAiEWy6oJRuLOdHHZdzoU0633HFb1PiNJYCqNIpwxvEbRDw3yZ4eNvlvm2ZqHwIQ8dxB"
    "itiYhvHrBF1PByip68etVhxIpWjUNW3bO2iidiqyhUB08V3A06uoy150tM62ljrFIuDd6p"
    "pNm1pqjs7vgB+xMNHKUZdj55kJqAxsBDLlstxMADLvR9+bvG0s5DmSdDqNBUnj/HoazxIW"
    "4JDlUREE8dBsjGuQy1gmBJ2W1dgFavb/tKvpKbWCtOa5F44m1C7lGJbdLT76E8qXCg2o1B"
    "7PgFctyOVQPsyQMM4pOYFCvG4EKt1Ndiah6exefpv+NfCUOqTov6GC9a+NLkIf4p5r2PPV"
    "nrRDxD/EIhXWMiBO24Q0AcdObRI3CVWNFk6h1ZY/jZ39LflPzLk+VS/vhKEosaOIiI5ICA"
    "5Ltv0SJUR/zjk/+HMhchxL5sOYN3CEQLoM60gYQQuRnCMETBIuQ3Xe1zX3JyLEH3YfoEWz"
    "zFXONdNv71TUlbTbltkMHu+HWncgivW+ohvH7sggimyXd9V0SI12VtO10JZqnuQPUCrnwK"
    "axbtZsNSDvJNdiXTqLaGpVrDUiKlVO1K+RtmmpVSmUfDqJSH2Oz98kpZ9qtw2a4D18Ctxc"
    "M4PdjaEB9anXqxIaam+Y3KPRegdk4ZPaesFXHIPW2IFfEcMezORzUWxOTOuM16CNdtjDkE"
    "8VTMRt8orDUbhGQab818CDnIADXoXrZxOak0GE6aD5Dd4xfdao+2FR+tGNsSq72OiSIHsS"
    "YKTRPFo25mf/4/cQq8uQ=="
)
