from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "guide_cards" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "staff_id" BIGINT NOT NULL UNIQUE,
    "state" VARCHAR(30) NOT NULL UNIQUE,
    "status" VARCHAR(12) NOT NULL DEFAULT 'creating',
    "config_id" VARCHAR(64),
    "qr_code" VARCHAR(512),
    "avatar" VARCHAR(512),
    "claim" VARCHAR(32),
    "claimed_at" TIMESTAMP,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL
) /* A guide's contact card. status: creating (a worker claimed the WeCom call at `claimed_at`) | ready. */;
        CREATE TABLE IF NOT EXISTS "member_guides" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "member_id" BIGINT NOT NULL UNIQUE,
    "staff_id" BIGINT NOT NULL,
    "store_id" BIGINT,
    "source" VARCHAR(16) NOT NULL,
    "transaction_id" VARCHAR(32),
    "created_at" TIMESTAMP NOT NULL
) /* The member's guide: from the community graph's primary guide, a round robin after a payment, or an */;
CREATE INDEX IF NOT EXISTS "idx_member_guid_staff_i_7d8124" ON "member_guides" ("staff_id");
CREATE INDEX IF NOT EXISTS "idx_member_guid_store_i_667710" ON "member_guides" ("store_id");
        CREATE TABLE IF NOT EXISTS "guide_store_rotations" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "store_id" BIGINT NOT NULL UNIQUE,
    "turns" BIGINT NOT NULL DEFAULT 0
) /* How many members the store's round robin has handed out so far (the next guide is turns mod n). */;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "guide_store_rotations";
        DROP TABLE IF EXISTS "member_guides";
        DROP TABLE IF EXISTS "guide_cards";"""


MODELS_STATE = (
    "eJztXWtz2za6/isYfYk9o7ix46Spu7szjpvd5swm7iTu6dltOjREQhLWJKACoGXNtv/9AO"
    "BFpHgxoegC0diZTRMSD0k9uL13/HcQ0QCF/OQy+E/MRYSI+IR+jxEXgwvw3wGBEZJ/aW40"
    "BAM4my2bqAsCjkKNgnlzjyXt9X044oJBX71hDEOO5KUAcZ/hmcCUKOAliCCJYQiWTwBwRO"
    "8RgPIOu0MCsWcchDjCgg/BHGKByQSMKQOQSFCEibwdIB9z+cQT9dKA+vKtstUWnv+FfCFc"
    "QIEuwAyRQDX9A0hamHxiIP/K0H+QL1BwAi71RdVA3g4x4gALIKaMxpOp/C8CIQomiIGYBP"
    "JPdeEOLb6QW/3K58nXXvwFByiaUYGIv/Dk/b/dgiPVdPlj+DNA5wSo3uMz6KPjIcBEP47L"
    "S0CyT7jsAPntAHJ1Pf1+4E8hmcgO4VR9GObpZwYAPcj24QJQ4iMwn8q29+kHkjgayb/SMf"
    "DlzZgxTab+nbJzNfcxwbL3PUEnSCKY7IFffx1ESOE8HKgWK79o8Ntv6qIk4QHxpLn+vqRp"
    "cnd2540xCoPSOE2epq97YjHT197iyXsi/q7bqoEw8nwaxhFZtp8txJSSHICJHtcTRBCTL1"
    "VvECxWw5TEYZgO7mzkJr9t2ST56AImQGMYh2qwK3TyActrA8/7eH3jfX5343mDykTIEIWx"
    "m16SXKtJJD+VawIm6hOef3d29vLlt2cvXr5+8+r8229fvXnxRrbV31u99e2fyccs2UoepT"
    "l7/4/3H2/UB1E5U5PZrC78qTFQwASl+6awShS7tHsnlGCP90XGfFtnZBeWvbFcaXrWHUv6"
    "YUTjhK4y943ELwF9Yv3s9Pzb8zcvX5/nZOdX2jiu8skQ5PILKnxeTSGrJ3SJWCFUfuYhEh"
    "rBBy9EZCKmisUXL1ro+9/LT1c/Xn46kq2OywP1Y3rrLLlX5nh14TcguwbaQ9ZPO7F+2sL6"
    "aZV19DDDDHEP1qwWP0imBI5QPell5ArfQQo9yf7Sgf10l7SF/Baub95/ePf55vLDT+rxEe"
    "e/h5quy5t36s6ZvrpYuXr0eqVb8oeAX97f/AjUP8G/rz++02xSLiZMv3HZ7ubfA/VNMBbU"
    "I3TuwaDISXY5u1Tq5Vxk6jqjcsDu5tEgFZgHlf4s3tjMROo0j1qm0eosSnUaFHgjo4VrFd"
    "fDVeu8C9nnzWSfV8hWylZgTHUZtRbRli1Qu+BZKbVyVTFbPCrA/rG9FQkoG6Lme3EZ6fZi"
    "m/diRARbGGvGRdRaKpplPbofvdiXaplYa4aVkRuYYbbt2oc+xZQhcHxXMEapCyPo380hC7"
    "zKHXpGm9pWb0Vn0eoVSOBEd5JiU31nZhdXj7hSxhRt3azazYv3h60mc/0xftK0o7X8J8RA"
    "YkMDD4DFIZL/mSGGaQCOngUX/5L/e/7hw/MffngGPiv77hRiEMDFEFAGnoV4jJ4dg5hDZf"
    "dVFm4fznjVZL6tlzxuG1Yvy9ZA/cKKddiZg5052OZVdj/bXmHedCe/ONkc9etSn65TFeab"
    "tacloofWgNPXXUwvq7JDwfTyelVp8g09Hf7uHR0vVql98dWjeGOejRnVT+7O3xLwdAm0RN"
    "a8gtEM4gmpkzPze60ypp+26ihefkikPinMgW8yETCiRExBJPsFq/gAxsHRCHLMQTJQ5JR/"
    "9eLFC/BXcHry6uH4BFzfIxZKke9ChwxM8WSKuABzTGokzR28r0bodCKlPRtps0ip/2uwrW"
    "bte7ipvj7vsKm+Pm/cVNWt8q6wnF7eaGawOVRwfZIcNxhNkARH+UYDuIzq4TA+PesiG541"
    "y4Znq8OYC8jEOr7tEtCZ022z9ZXN6cFa0QtLmOtfm/tXCn8eHXta7DPYiVZhPfKZbGwfMu"
    "XUkdlC5hyhOznoDOgsIByhVULRPaq1TPzP5+uPDWt6jlhd0rEvwB8gxPwAeW0hTVFRWscz"
    "Yejow+X/rcpJV/+8fru6QKsHvF3hXSjpPZRchkbkr8BcD6zfAyof475GN3hLaYggaYjgzk"
    "Er1I8kalu6QWZ2KJKemyI2zfXb6+t/lrh++37FavDx5w9v30kdQRMvG2HRYJV3cQDNy7j8"
    "gcE1CRdpVx6ILJmOOlvDAq6myL/D9Zba9Naw1VCbNOpmp23u68dd7EogcU71g7CAOqf6Xj"
    "27tcK+2jwaFdLHdowDpL6FRbXiV+xxcnO5M1CRloA+DdTNKfDwDsU19vlWQXEJ2qGgmF8p"
    "smq6ezlR0a7hfCCioe0ho1c0imSXisV7FemZJOPXCop17dqlxgzh4SWko6//miBQQAGGZp"
    "TJoQlGCwABpzHzJSoZiir8Exxl1xgaH58AlUEW8wugw1h17QNffqj+C6Hy2X8MVsbY9t/4"
    "hWQ1GY78mAsayWcQKlSlhyS2YIHEsWydZDYG4EjdZGiCufwo+e85FtO0eMJcTjk6P26OW0"
    "0+LYtbRWMnVNskxTUL1aV+694JJVifZJVdR6rKmVIhvs0nPq4hvB/O8DedvOFvWtzhb1b9"
    "4Xfyp5nQm7XvIb8vuwQbvGwONnhZCTZAD3KXIDD0Yo5Y3frRzHMNdEspkztd0LcdpLQv+4"
    "dlNO9loZ4wGs9quW8e5kVM/1KCNz/AE4HWhOEloodL9ubjw6T+qL63QnCzl3OJcA7O9R2c"
    "1NehjOsYVVagzqrirCqPWFU+a9Vs0GZQSZsMu9lSEl2vc/1KKdLdI/Zc0OfJ34APwzApk3"
    "j70/XnG/BN/uhv7k+/KVpq0mqOet8EIyqGAIK8MRCUhsd1FS23/EZV4/JGFZBEPkMCcJU/"
    "ArKqnuDoxw+XV88//3h59ur1caF85B2aie9BUpwywgRc/vQe8Cmd67qXqpakfJUA2maaFe"
    "p0uRlWC4MuN2M/UqGedkZSYY7oIcFbMZS4CCznVnMC4KELgETIKfl3Gob642rEv2KDVuFv"
    "jqQQJMegBnhjjegoAF5lnqa/PP8bmMQ4QBdgPqVSClI+Kvm3aJiX/Z5PsT/VlbcJCsHRra"
    "7CeCulKEhUUy0FKXGJCxyGYEolDVX5b9svzEqca1ebXvKk3juF4Rgcpa/AckrGAkjJE4+x"
    "r+W5oXa0LaS4GMUihuGxroUeqaro3kiK1AKOx8pBV7iWuehOgHIMzhiOIFskP0h7/3IXHo"
    "womSSSZfI5lCB+Am51OLinFoFbJYDq2uZXevG4kdeUNKzLrEMugG6aVTjXQiskQP5a+fTk"
    "1oxRKfJz+evCZXF0rn7UVNLe7Aasseymf3P+wIMQZS2w6tu2P21bwDVnevsE98lvohdbcw"
    "93AdWjdKUdu012XIjZNs6dw2SXBJ91q1HbUqK2UqOfe6kgZqgbl4Eu8LSDhqyF6TX04yLO"
    "acfWacdl/2Oi7Zh3chnpKhjY3MtLPdRM4irjDrra2g6kLLusTjdwMmg2Oam7w+72JgEnnb"
    "2NPmUzIAEAZqaSWLnXlBsvs6fUeAw7ogxNHPoXTTxn7LBpngydscOoY56gsaNXBKcrkAHB"
    "S4SzJtXza81ey2aNG21yq9Muy2YGW6yKfFGQZzzfG5+rndOXi2pIJzECRzDZSkkAsOBJLM"
    "3xUAfAqLNX+YL4KqUp8SF4+cIpMdWteetvczE2B7pX739d228nbHnbcCFMWyR3L8kDT2Bf"
    "rnJsOozLKDeYOxBNWZAc5dN9J8whzqjz2AZYPB0vRIqTKtNtjocCynkdOngd4lmwZlxeGe"
    "k8D9bZpK3R2uJZU4ELfWfYnoah2hjUsEgAyxoPSRAbwJxLtecOLcDRDC4iFeOVH2YmUDTT"
    "YV4PgBwDVS+H6/aqckR+1LioKmvbf93j2tpKObckfOA3p8NZqcP5cnybSGdZ+97pb2ddpL"
    "KzZqnsrCKV5RPOhN8SqHckbyVTIlu8jOPJVoDbkoT7uqhYUAbBNvlsTwf8Jdu5Mf9lnKtD"
    "sW7BoH0cbWlZsMx+mHcW0i0alVylpi0eGQojdQaoR8djb4xIlebGdaMK7NHysbkjRRHzUU"
    "qT0elxVaCjt67o74MXYK7PsTUcv3VQR3ENxZh4XNUKNeV3FXfQ9v2N0XkPQywpYTQytSmX"
    "kc6mbJ1NudrNcmnB4Xr9nENdR1vd0TtOYlurKxNbXvYp9dc3Ip12ybE6bc6xOq3JsVIfuI"
    "YDrgR0U8jqKRTz9Xys3OX8HE7/ZoUtjO1Tdegeyek7NlRpNnXIjewuk22rAnQ52J0SGjLS"
    "zJSnKrBHQ35jutSamr/T+h+nlqF7erdmNm4R6XZmm3fmpK88hiCnNTOo7ayJFaDbDR7fDe"
    "YPM6jkGOrfGcZ7V5GO765801h4aUFeQ5GnCd8/7rcSDZPQl8QArjXeS9D+kb69Bca08M8q"
    "rn9cb94ylXCGGKM1+Q6PUZ3D+sf02atXXcIXX71qjl9U9yzKq1WL0E/yWVCL2A2B2lmD4e"
    "Px2t4sadsxbvszupeDIcwjo5N4aBSALPD5AmB5j4O/gl//WwgkHILfY0gEFos/f6uGZ2/s"
    "qS5n1mrLj6tLv5edWM+dKrvNZ+nkgK86Ssc2mlto3cpZOq5UvStVv781Rf7A4JqEi7QrD8"
    "RQlI66dg+OS4TsWa/XmAf111sldX+KwxaRW9/tIm+rCPeOwvYvU6TyFbO0RAQZ4frfWmK/"
    "ABEmOIojeUGJwmPMuACzmPlTyFWp/XAxBAIjxofAh5FsNCHp6dhVCXy7r3JiuRPLD3Ax3b"
    "JYnk6uNfKTijiXILZ+fh5W5g+8TixxEeZCidUVvSd42Z7gqT3BUPVpeIIrDtJBE1Kbr1yr"
    "7lOho6uivwJzJ+eur+1zAZngayglJaCLULBHBalqnogE6/RwAeb61+b+dRY7Z7Fzthuzie"
    "Usdk+x1w/CYneTeooHjVa7vMWwg+Uu9053td5Boc9o12XHMAdzysR0CKZ0DkJ1LmZy+rpO"
    "sNNFotUN+YsW8o8FGKHUB15nq9vcg51lzmpbhbPM7cUyV/wsA45XYC6cqjGcyhVUcQVV+p"
    "CY4gqquIIqB06xK6iy8YIqWBjVNi1ieripdUnmaE7lqCRyWFSyxrKl4XBNB1WLkVUVa1w/"
    "b7mfA7iocVs27j1lkNvV6w6zV8mZggpYM30aeV1BOWKrxKaVfLRYacDsKswJS8vxZpaM6d"
    "KOzUxZCV/aeUaZF/nTdeiuwPvH/MuzDsy/PGtkXt1y6R/OmWzL4D5Mt6JzJj/FXrfdmZwe"
    "7/sPdQLjoM6XXGowfPxgY32WY0c38mV+vHBygrA6L1icgKQ+wgVINgzwBwgwj6SYWecwXu"
    "8RzjV8oK5h1buGUnUB0rvDlQ78BGKrpeatlOqhc0mIF3PEzAbxKq5/dG9DPTQtz/OVhXnW"
    "EpkKalGZ5ML1zQznTqO5ZTCv8pue5XWPGDcMJqki3Xh+fDw7lbCR+sNVBpwO+IS62RKl7x"
    "1kRNLclPRfvD1sU/hQ0tAk7f96psYbZc9lz47xJGYouFjG8M6o6mkACUD3ear+EMyxmAIf"
    "zuRfVVSGOqFYPgbTJAI4CzGoORl5yy9zWuShapHuBORESDnvouKcN2s45xUFx8Vub1EC1A"
    "uVCbs5YFv09mnoJhuCfN4Dqlmdm8NdV2DO/11gRW6d3iKGJtGXNUhHqboyYXQupsbjcxXm"
    "yCywssb4rEE6StUVSnykaUnMOzUCblt0QA3aVUfpECgQQBwukugrT6otBgO5BunC4poITn"
    "eldRguQx3FNRV+VFjmehTXQR3Fddlc2pZhGo68CnM7nbpyOJkwqj6PR8ceQQ/CWyDIqn6m"
    "2hYbyajtov+eNeu/ZxX9N+NwraD6Is6tEHURywzBO29EScyRUaW1KtIVW1u/2BrVX2jUAQ"
    "WIY94VtbdXWXGFBPvp2HSFBJ9O/7owlGaR7DBj1F1mwlPsdcszE949zDBbfEKR6lU2qItT"
    "KbcYtoaq6LYeSxt3jVYhCDA6VwEgYBT7d0iAB5A9Q+UYqOMjMOGICZzXphNTBKCgEfaBH0"
    "IcDQGnAEF/qm5yFWmiTN010SpbfllNtMqvg+RFaXi8fkeiI//mAlkOIZCl1H3dO6EEc4cs"
    "GHZHJQLalP4SzNG/Nv2F9arCf0shiCKoT+xvzBKY1Mcz4HQJcHzWj9MDSETZXWLVxo+INj"
    "4c2h0LbVbH1On8jewfrrZnV07Cg0CMwPCKEpHoZDX6XrnJ8PFkdD9pap6Ojgn4BV3R6Htw"
    "m0trt1qXAiEmd+r47imj8WSqNTA5FinB7dnp6z/RpRlYLY82a2coHbBr5PvWQHuXfLD5+P"
    "h01pgQXYBsSRboE8F7U3gto3kv6q4rzeByq52A63KrXTdbrMfoOlkfkhSGGh2meLuD/qJL"
    "WqUZEQY+qwQA6BjApCrWhTpTKdNEjm7VMSO3IJMxjwHV/qXxOL+l/3VcU0YrRGNR77rawT"
    "trPViF8k6prOx8VxaJL3aX8uq5VGOud25a3ey3OuSOd9rWSRjOZbJNdv9D1Qk3vmTEwMlX"
    "BrkMiqqCrhhaS7koAZ1uYZ1uUexkJY2u0cUFmAtvtrl/dckUL+uH7spBGXfQeZI7UAxs0d"
    "ZjHKAr+ZhBna6e3xy2aeoT1czzZbvObkYNecZB6p4ECrxUfLVFUYV4HkF1/PGdVJ91bKd2"
    "EaLEiyghYQigALfpLbm23B5LZVnFIteUQtvRO52r0uI5N2xRxrXxxdivU0RtZsV7Ml1RVn"
    "WM/Do5oHce4ZddIsNeNkeGvaxEhh2GHjnIlt9BhebSHTvrQCfVNU1NeUWQ81A+bmv6nXmm"
    "ZSsLkP4x/KrTQH7VMpJfVYcyvJcbpFEk6RLhKO5EsZYdjVaKDNA/gjd/MNtSMjc1UJSRzk"
    "Zhs43CRas8iW520Sq97WZL7F/NgSpdYlSM4lIuleWJxxFiQ3CHFigAowWIMMHPZ4xOGIwA"
    "nSEV8g7ewhASH3EAGQIBIpRFMMRcItT59toeFaJgoh7E5UfLjQYSrqJFKKmNwN/Ra53ty2"
    "qDS7PtKxkAJiLpEtE7E4wLyj84gmeSICO7QA5wGtXjGpUmK6mSzIwKflaA/WN7w2EpBPt3"
    "xkkOBUz/CN78YoHJPRbI2JS4Auvdtnf6uotVfFVLKFjFX9cTHXijhbFbrQLtUbDVjp1ro0"
    "Sor/LfXBtniTjoII5NVw43oLCAcBSqK8mRIQYMLgGOQHVFYMTkYn2PQgMSyyBHpLriT5F/"
    "p+J4dcluAzKrQEeouhJCLryMnADWaAjKUtsQE1qDbbPVHt6m30KlMr26JNzOw/Ywa4y6yr"
    "JPsddrvB42VZZNXBs6unfQ6PlIbg8fd394OrC2oxPkZpolyj7jSUTuxdK74NMokiNPLMCE"
    "wdlUtpgxHEG2SFoOAQSMxiSQf44wAXAsEJPXZnARISKGKqM2OY6u5ADZ/iu/EBhEmJyAYg"
    "Xb5JXOMWK/stzsGLGnvOmT6Qz7IrL37DvZE/eUoTW4X6JckaN1qacxq7PXtQRs54geJv5u"
    "3i5dCFswDNmuIvvncNlCRKZTal0Q11b1metYjOjDB8Q5nNRqNOUGrToN1U29KGnbTatp7u"
    "/HJf9fC/k2+gRKKASKZjpV+jenFlipFriqJ1s84jRAQTxD3h0yijUpo/rnnT/rEmkiW7Vk"
    "rVWiTSyuZfoEHPMzuAgprOG++ZTTAuSrTjm1bUlp4XIrx5weSE5sIYqgzHrxhp3nUaRCjM"
    "mxNEWI86yqK6viYIXLdu2pBu5UKOtUqIor3fgolzKqfxYJd56Lm1EugdB1s522p58ST/Cg"
    "xuqU3Rq22ZtST3LnHEIe+z7ifByHmRMaHN18uvz4+fLq5v31x5PPP19dvfv8+XiYH6pDAc"
    "xqU48W2uktgapQdZL2N1gZLdt6RxdTWEm1lAttgNMp6CxhdlrC9u5LsaxTtuxKobHw5OsC"
    "JFdCE7JXca609eN5QpE/NRvROaCHZt7ND2W5I5rRmwMcvV1Wir2ndNu0Ojw183lfBZGS4C"
    "F3M82bmdBRQO3QlFu14W5ubG8+QIYKGHpjRAystyWMOwO73t8jp/063NYgHcN1qV0xY4j4"
    "Rn7jImaH68HVx39Vl4TsooWFCVKLQENV+HZL2irW2dKss6WtuO6gX5Oq2yKZ5wjnfOjkfN"
    "hXMq9tTG94/WdoHMtfEhhur6sw53weXJStr4YL/grUVVK1ebl3jtAn0c3OEdrbbrbLEfpJ"
    "76aDZndo2mDYwSnqJVvzOr7RBAmOPr37+88ffyh4LCXjHI/ChWzhUxaocqhoTBkCWPDM2/"
    "mIT/Trn+0Sgq02Mzb7O5OuN3R1lkC983Ju3vOmvJUpZ+ZuzhLQkf0o2fZ58G1yHD09F/4e"
    "bS2bH9zpYrCOPcBZ2geP+TLWYrcO6jiu83A6L5zzwh0gw5a5ipzpcGs2pVkICUF1+iilIY"
    "KkYR4tUSvdO5KwbU2g/EqxT+sNCZvoy7fX1/8sdePb9yu65sefP7x99+noVPefbIRFSQUt"
    "sEwxMUqkWwKck2j/lYh7TieczUK8ll25jHQrvc0rvXMS9babbfEeqE3rbezfofpUqsLtYa"
    "vnQDX0RrplR7/BO8ikPAKSbRPMsZiqBCbMAJ0TgB5mmC2+B1zl3HMQMDgHnFKCuHiu78mx"
    "AcaYcXECbgM0ErdgSuUPBn4I588VNxyMUEjn4EXVq7DTNxvnXyWnrMs2vy4PXNcvRlynZJ"
    "VuMCQlPo7yG0id+aMe5DK37PRk2FPa1A6JaMfx6/n8MGK/iOqRNLr7wrLCrMBmBuih0X3D"
    "gcKYYIGhSVxjAdGn9WSDUY2RfLbZ+UMljGO1bv3VgozUSyJ1PKEBtVWgixdd8sLXUBHLSG"
    "cIsE1DLC9GuZhv2MtlpOtlm3s5mZEei2v8Y81SUhnVv1SQ8y5V8s6bq+SdV6rkObNab6eT"
    "TWa1d/r85Sar2rvsdObHjGpK+cRdz/l5H0WxxoMQBRPEVKUgdAJucYAiVaX3FmAOksFWOC"
    "3nQpcOogQB1W5GhUrNlPf8KSSYR2BMWWotqxrTdvLGGiPaitUse11i+Gq2rinTmLagJYc3"
    "6L8XZrUzmzmzmdUL9H5MN9D36/W1luzUJWSHCd7wHuLkCRX+y7csrd9rqhbvQx0+IHODOz"
    "Fgi4MV3SOzJSEH9FBJ6WLPPW826J5XSz/s+jwqq/n9rku1ne+aq+18V6m2w+LQ/KS1Asj5"
    "gdYVJnJR3WBsFzF9XJy3UShtBENIfOTpw1MNZIoKzokWFgQ09s5zoSwZNftb8zEsOeCrDm"
    "GxbAluoWwrZ7A42+c6XeFsn4a2T/42DiYtMYXZ/eGj9k/ujXTTrtUICIlhmMX2JVBwBIGK"
    "1AM+wqEcAccnQL3tQlcU4EiuHeMQTmqqD3zds1y1AasF0mZj4wJBE3kpa96fE8c3tscnc8"
    "ZryqVpG9IVaJ+k0B1rXHJRJ55kCVNvNDMY2RXc7vrgzYsXFeE1u2bH2FbLvokKm7XfoTU8"
    "2ZOqpvDCdUtiGS2RXT6roP/LMKQ+TCmpiC+rTVolGJ1E4MG8dUch5pcp9qcgzaYAMMlFAA"
    "FDczBmNBoCrg5+YegeMQ5VYSQuqPwDoAf52FAdBEOlKJLhjyjDE0xkwyS34bgq6ezihU4c"
    "snq3aBaH9hQz32HJ62tfFAUoNaWMyS/BnOC0vt/b+WO/WmayZWsXcDz+meuNp7qp5zfbt3"
    "PVzJOiE+u4kX9W2ySYxFheH4IIMjkrJRhAubvCIMKEX6gAKCKwwHI7VVFPv6ArGgH9Jt1M"
    "xUmpXqEhqu7bW3i+26atXpuat2n9XwN9JGvfQ3faFiqa0dCI3Kx9D8nd/ME3c+TTSC+rZp"
    "UQV3EbCXvoddVJVTbyvmYgt1YOWoJ2WDgoY71Ict4TFpcN0oqxsbxeRLmzydYU1gW9Q4R7"
    "9zDEQVPQQ7uLs/4JLmnKNk+nc2h3m4byBwbXJFykI/BAuj2dLLb6t7XONahVItWNYbsCqc"
    "ymHT3ZYDZdcOzDEGjYRarn6eoyZKIO/6YEfQ8E5Hdc/smUdzq1yyrFjqGJsjh/D2B+mrj6"
    "YK6r4ut2dfX2d/JOp2NavaU265i+oc/L36jPyyLRfPMFyp36vtWC5JPUV9dZgc8Rrrr+44"
    "PX6ZXb1iudmOvE3N2LuZ+oaA6EKDVoFXu1EOklRg6WIjpKwT/SOZDfuEjzxrn2V+gnPeOA"
    "UXUgFKMjTMAUcvl/daAkoLFQAQtjyMCRak7Qg0gEWZWLLmJGuAraBKQmEmIH73PS74FKv3"
    "uy7T3drijY9tQkMuM9hxx0us0OeLZkw7nB9b55fb11e1FHNHfcTj4kq/oUz4A+0xlI2cGf"
    "qhMDFyBJ0AL3MIwROCIq2E0Hwonj7wGCahHXpYKVKSOS3YtVHXVW3UG28wq3aVg8g9o2Dd"
    "Pzxr/uqHEre2BjIdfORrJFHT5ZmzwxleqLqmhuMGbroC7+rS5nIF/UzRIxKrjdsXv6oiYT"
    "I7/45MMKlXQiFyAyqXUJFe4+KsF4vm7YTZBpptoJCgcqKNhc4qyvvbFkX6W5eKayWhnkdr"
    "zaoBxjVosQx2ltaXrITb1ZGcKJwh1EYedsaaT+QJwrthfJ+AXJySp+gouPVOAxbk43rW/Y"
    "KkzOVRVdMYML+cOXmK6nct0jtgDyDwlEASg+YQgo8ZMivsXLAAfgSB3VEnNVBcNH+B4FQz"
    "BjVJ0pq/6KJ4QyFNR4W7b+NicNWy1/tWSzFPq8ViZusfpUob2LP9p8iIwuzpkwZMB1GdVD"
    "4WLzpw/IDUwX6jTmugLcYSWJQYVsqxkem/E6XptNy/Iuth5G11SVtrlqXxHjCvetX7gvkX"
    "lMxvUSsdOSM4lIVl0wSnc2UzS1SyJis953WtH7pCiNlTCKTM59L4N2aJhfZfj0q2W+jVko"
    "QsiFhxijNSlYzQO2jOpfEeuzV686jFjZqnHI6nvOVvFEbBXFbs4V3DU6ehXrEhpt62lrrF"
    "I+jd7pUxpqTVH53eEj9icaeVoz7JzqlpmAhiBAPlvM5MADPgxD9buGys5DmYq0HaGxKniC"
    "hQqslbckh/rUqUBnn+XjXIVaQTCn7K4uQGurb/tCvpDbRCvODr8K5Nuk3KMrqWXlVoRKjT"
    "vS7YYgcfwCNW6HugEOVMac/CSmxIohuNIr9Y2cmscXSQGXZ/wLYUgfDKY/JohnoTJ5yH/K"
    "eR+q0GNlK5MPD6R0jYkUtJMOAUnQWUBPwOfUiqZqvalD7Z//LftN6b8CdT7XH19IalEDRz"
    "FRHBCQfvcdmgldUyYpNXOsit9CHKqWE3iPQDwDOokapISozRAKgaKZ4Ldd7XO/FuRYFVid"
    "PcGd1mWv8S4f/+ampI2e8WCRwe70dafzd163HMDzet8n8Ngm3237CJ5kXTa2063AHNUdqJ"
    "7BRUhhzaLdbFgqQL7KrmQb1c6wVGtYSqWUql2peMNOs1Im8xgYlYqQg85f2Vzs94rsV+Gy"
    "XQeugTuLh3V6sLMhPrY6bcWGmJnm15hXK1A3p6yeU86K2OeetsSKeIkY9qeDGgtiemfYZj"
    "2EyzbWJEE8FbPRVwprzQYhdW6EYQGeAqSHGvRWtnE1qQwYTpv3kN3TF90Ou2477bpibEut"
    "9iYmigLEmSgMTRR73cz+/H8srNrt"
)
