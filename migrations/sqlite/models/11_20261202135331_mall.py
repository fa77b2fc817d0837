from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "mall_addresses" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "member_id" BIGINT NOT NULL,
    "name" VARCHAR(32) NOT NULL,
    "phone" VARCHAR(20) NOT NULL,
    "region" VARCHAR(64) NOT NULL,
    "detail" VARCHAR(128) NOT NULL,
    "is_default" INT NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP NOT NULL
) /* A member's delivery address for gifts. */;
CREATE INDEX IF NOT EXISTS "idx_mall_addres_member__04fda5" ON "mall_addresses" ("member_id");
        CREATE TABLE IF NOT EXISTS "mall_codes" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "reward_id" BIGINT NOT NULL,
    "code" VARCHAR(64) NOT NULL,
    "redemption_id" BIGINT UNIQUE,
    "created_at" TIMESTAMP NOT NULL,
    CONSTRAINT "uid_mall_codes_reward__5b1c57" UNIQUE ("reward_id", "code")
) /* One code of a virtual reward's uploaded pool; given to exactly one redemption. */;
CREATE INDEX IF NOT EXISTS "idx_mall_codes_reward__a886e8" ON "mall_codes" ("reward_id", "redemption_id");
        CREATE TABLE IF NOT EXISTS "mall_redemptions" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "member_id" BIGINT NOT NULL,
    "reward_id" BIGINT NOT NULL,
    "idem_key" VARCHAR(64) NOT NULL,
    "request_hash" VARCHAR(64) NOT NULL,
    "kind" VARCHAR(12) NOT NULL,
    "reward_name" VARCHAR(64) NOT NULL,
    "points" INT NOT NULL,
    "cash_fen" INT NOT NULL DEFAULT 0,
    "campaign" VARCHAR(32),
    "day" DATE NOT NULL,
    "state" VARCHAR(16) NOT NULL,
    "fulfilment" VARCHAR(12),
    "out_trade_no" VARCHAR(32) UNIQUE,
    "prepay_id" VARCHAR(64),
    "transaction_id" VARCHAR(32),
    "hold_until" TIMESTAMP,
    "paid_at" TIMESTAMP,
    "late_payment" INT NOT NULL DEFAULT 0,
    "refund_no" VARCHAR(64),
    "refund_state" VARCHAR(12),
    "address" JSON,
    "slot_id" BIGINT,
    "coupon_ids" JSON,
    "code" VARCHAR(64),
    "carrier" VARCHAR(32),
    "tracking_no" VARCHAR(64),
    "shipped_at" TIMESTAMP,
    "delivered_at" TIMESTAMP,
    "completed_at" TIMESTAMP,
    "cancelled_at" TIMESTAMP,
    "cancel_reason" VARCHAR(64),
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    CONSTRAINT "uid_mall_redemp_member__a8a721" UNIQUE ("member_id", "idem_key")
) /* One redemption: its points (a ledger spend), its cash order if any, and its fulfilment. */;
CREATE INDEX IF NOT EXISTS "idx_mall_redemp_member__d363a1" ON "mall_redemptions" ("member_id");
CREATE INDEX IF NOT EXISTS "idx_mall_redemp_reward__fe1a3f" ON "mall_redemptions" ("reward_id");
CREATE INDEX IF NOT EXISTS "idx_mall_redemp_member__e0fea4" ON "mall_redemptions" ("member_id", "reward_id", "day");
CREATE INDEX IF NOT EXISTS "idx_mall_redemp_state_117f9b" ON "mall_redemptions" ("state", "hold_until");
        CREATE TABLE IF NOT EXISTS "mall_rewards" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "name" VARCHAR(64) NOT NULL,
    "description" VARCHAR(255),
    "image_url" VARCHAR(255),
    "category" VARCHAR(32) NOT NULL DEFAULT '',
    "kind" VARCHAR(12) NOT NULL,
    "points" INT NOT NULL,
    "cash_fen" INT NOT NULL DEFAULT 0,
    "min_tier" INT NOT NULL DEFAULT 0,
    "stock" INT,
    "redeemed_count" INT NOT NULL DEFAULT 0,
    "limit_per_day" INT,
    "limit_per_campaign" INT,
    "limit_lifetime" INT,
    "campaign" VARCHAR(32),
    "display_from" TIMESTAMP,
    "display_until" TIMESTAMP,
    "redeem_from" TIMESTAMP,
    "redeem_until" TIMESTAMP,
    "sort" INT NOT NULL DEFAULT 0,
    "featured" INT NOT NULL DEFAULT 0,
    "featured_on_member_day" INT NOT NULL DEFAULT 0,
    "coupon_template_id" BIGINT,
    "coupon_package_id" BIGINT,
    "active" INT NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL
) /* What a member can get for points or points + cash. */;
CREATE INDEX IF NOT EXISTS "idx_mall_reward_categor_5e1ad2" ON "mall_rewards" ("category");
        CREATE TABLE IF NOT EXISTS "mall_slots" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "reward_id" BIGINT NOT NULL,
    "starts_at" TIMESTAMP NOT NULL,
    "capacity" INT NOT NULL,
    "taken" INT NOT NULL DEFAULT 0
) /* A bookable time of a service reward, with its capacity. */;
CREATE INDEX IF NOT EXISTS "idx_mall_slots_reward__200690" ON "mall_slots" ("reward_id");
        CREATE TABLE IF NOT EXISTS "mall_stock_adjustments" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "reward_id" BIGINT NOT NULL,
    "delta" INT NOT NULL,
    "stock_after" INT,
    "reason" VARCHAR(128) NOT NULL,
    "operator" VARCHAR(64) NOT NULL,
    "created_at" TIMESTAMP NOT NULL
) /* Audit of every manual stock change (and code uploads), with who and why. */;
CREATE INDEX IF NOT EXISTS "idx_mall_stock__reward__de864a" ON "mall_stock_adjustments" ("reward_id");"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "mall_slots";
        DROP TABLE IF EXISTS "mall_codes";
        DROP TABLE IF EXISTS "mall_redemptions";
        DROP TABLE IF EXISTS "mall_addresses";
        DROP TABLE IF EXISTS "mall_stock_adjustments";
        DROP TABLE IF EXISTS "mall_rewards";"""


MODELS_STATE = (
    "eJztfW132za27l/B0pfI6ypO4iZtxpnpWkmaM5Nzm6S3SU/PnHoWBZGQhJoiOABpWWc6//"
    "1iAyTFdxOKJFM0+qGRSWyAfAAC+33/a7RiHvHF+Wvv91hEKxJEP5N/xkREo0v0r1GAV0T+"
    "aG40QSMchtsmcCHCM19R4ay5w3V7dR/PRMSxCyPMsS+IvOQR4XIaRpQFQPgarXAQYx9te0"
    "B4xm4IwvIOvyYR4Y8E8umKRmKC1phGNFigOeMIB5JoRQN52yMuFbLHcxjUY64cVbY6QP9X"
    "wVUgIhyRSxSSwIOmfyAJC5c9evInJ78TNyLeOXqtLkIDedunRCAaoWjJWbxYyn8J8om3IB"
    "zFgSf/DxeuyeYqmKohH+unvfwz9cgqZBEJ3I0j738/RWNoun0Z8QixdYBg9kSIXXI2QTRQ"
    "3Ql5CUn0AyEnQD47wgKuJ8+P3CUOFnJCBIMHoyJ5TA+RW9ne3yAWuAStl7LtTfKAQbyayZ"
    "9sjlx5M+ZcganeU06uwj4OqJx9J2ILIim4nIHffhutCNA51IMWpTca/eMfcFGCcEuEbq6e"
    "TzfVd8NrZ06J7xXWqe5NXXeiTaiuvaGL90H0H6otLISZ4zI/XgXb9uEmWrIgI6CBWtcLEh"
    "AuB4URIh7DMg1i308Wd7py9bttm+iHztF4ZI5jHxY7UOsH2F4bOc7HT1+cz+++OM6o8iGk"
    "FLm1m1ySWMNHJB9VKAAW8AiP/3Rx8c033108/ebbly+ef/fdi5dPX8q26nmrt777t36YLV"
    "q6K4XZ+7++//gFHojJL1V/zXDh34oGR1hTqbnJ7RL5Ke0+CQWyu+ciRb5tMtIL29nY7jQD"
    "m44t/HjFYg1XEftG4LcEQ0L94tnz756//Obb5xnY2ZU2jKt4coKFfIIKnm+XmNcDuqUoAS"
    "of8xQBXeFbxyfBIloCik+ftsD3X69/fvu31z+PZauz4kL9mNy60PeKGJc3fgOwa0gHiPqz"
    "Tqg/a0H9WRV1chtSToSDa3aLHyRSEV2RetCLlCW8vYT0PP3RAf3klOwL+C1Yf3n/4d3nL6"
    "8//ATdr4T4p6/gev3lHdy5UFc3pavjb0vTknWCfn3/5W8I/kT/8+njO4UmE9GCqxG37b78"
    "zwieCccRcwK2drCXxyS9nF4qzHLGMnX9ojKC431Ho4RhHlXmM39jPx9Sp++o5TMqf0WJTE"
    "M8Z2a0cZXpBrhrPe8C9vNmsJ9XwAZhyzOGuki1E9A926COgTMItXJXMds8KoTDQ/sgHFC6"
    "RM3P4iKlPYv7fBaTIOIbY8k4T7WTiNazGb0fudiVYlm00xdWpNzDF9a3U/vUPzFQBM6vc8"
    "oouDDD7vUac8+p3GEXrKlt9dbqYlW+ggO8UJMEaMJzpnpx6OItKFOUdrOqN8/fn7SqzNXD"
    "uLppR235T4QjrUNDt4jHPpH/hIRT5qHxI+/y7/K/xx8+PP7hh0foM+h3l5giD28miHH0yK"
    "dz8ugMxQKD3hc03C4ORVVlfqhB7tYNw2DpHqgGrGiHrTrYqoP7vMvez7GX+266g5//2Cz0"
    "u0Kf7FMV5Julpy3FALUBz77tonop8w451cu3ZaHJNbR0uMc3dDwtQ/v0q1fx3iwbIVM9d8"
    "dvS/BwAewJr/kWr0JMF0Edn5nda+Ux3aRVR/byg+b6JDOHnqQs4IoF0RKt5LxQ8A/gAo1n"
    "WFCB9EKRn/yLp0+for+gZ+cvbs/O0acbwn3J8l0ql4ElXSyJiNCaBjWc5hHGq2E6LUvZn4"
    "O0maVU/xocq2n7AR6q3z7vcKh++7zxUIVbxVNh+3k5s9DgcKjQDYlz3KM3gXaOco0WcJFq"
    "gMv42UUX3vCimTe8KC9jEWEe7WLbLhBadXrfdH1Fdbq3k/fClszOb5/nVzJ/Dps7iu0zOI"
    "nKZAOymeztHDLF1ILZAuaakGu56AzgzFFYQKuAkhtSq5n4z8+fPjbs6RlFeUunboT+QD4V"
    "J4hrC2gARWEfT5mh8YfX/13mk97++OlNeYOGDt6UcI+Ae/cllr4R+CUyOwO7zwDEY9zUyA"
    "ZvGPMJDho8uDOiEvQzSXUo2SBVO+RBz1QR+8b6zadPPxawfvO+pDX4+MuHN++kjKCAl41o"
    "1KCVt34Azdu4fEHvU+Bvkqk8EV4yWXV9dQt4uyTuNa3X1Ca3Jq2KWt2om562ea7vNrEDQ2"
    "KN6iehAbVG9Xu17NYy+3B4NAqkd50YJwh9C4qw41f0cfJwuTYQkbYEQ1qo+xPg8TWJa/Tz"
    "rYziluiIjGJ2JY+q6ellWcV+LecTYQ377jL6lq1WckqjzXvw9NTB+LWMYl27dq4xpXDolq"
    "Sjrf9TQFCOCnESMi6XJpptEEaCxdyVVHopgvsnGqfXOJmfnSOIIIvFJVJurCr3gSsfVP0I"
    "mOz7j1FpjR1+xKsgzckwdmMRsZXsI2ARZHrQvgUbEp3J1jqy0UNjuMnJggr5UPLvNY2WSf"
    "KEtfzk2Pqs2W9VP1rqt0rmlqnuExfXzFQX5q37JBTIhsSrHNtTVX4pFeDbbOLzGsCHYQx/"
    "2cka/rLFHP6ybA+/lq9mAm/afoD4ftPF2eCbZmeDbyrOBuRWnhIB9p1YEF63fzTjXEN6oJ"
    "DJo27oh3ZSui/9R89gvpeNesFZHNZi37zM8zTDCwne/wLXDK0JwluKAW7Z+/cPk/IjPG8F"
    "4GYr55bCGjh3N3AyV7ky7qJUKZFarYrVqtyhVfmsRLNRm0IlaTLppkvRsl7n/JWSpbsh/H"
    "HEHutfyMW+r9MkTn/69PkLepJ1/eTm2ZO8pibJ5qjOTTRj0QRhlDVGEWP+WV1GywOPCDku"
    "v0ACSeJyEiEB8SMozeqJxn/78Prt489/e33x4tuzXPrIaxJGr5BOTrmiAXr903sklmyt8l"
    "5CLkk5VISUzjRN1GljM3rNDNrYjPvhCtVnZ8QVZhQDBPggihLrgWXNapYBPHUGMIjkJ/kf"
    "zPfVw9Wwf/kGrczfmkgmSK5BReDMFUVHBvBtamn68+Pv0SKmHrlE6yWTXBDYqOSv1SRL+7"
    "1eUnepMm8HxEfjqcrCOJVcFA6gqeKCgF0SEfV9tGQShir/d+gB0xTnytSmtjwp9y6xP0fj"
    "ZAgqP8k4QpLzpHPqKn5uogxtG8kuruIoxv6ZyoW+gqzozkyy1BGez8FAl7uWmujOERgGQ0"
    "5XmG/0CynrX2bCwysWLDRnqR+HBUSco6lyB3dgE5gCA6pym79Vm8cXeQ24YZVmHYsIqaZp"
    "hnPFtOIAybeVvetbIWeS5Rfy7fxtcnQBL7WUsDebAWs0u8kvaw88CVa2B1r9vp1Ph2ZwzZ"
    "E+PMBDspuozdbcwp2jGlC40pHNJkdOxNw3zK3B5JgAX3TLUduSoraSo184CSNmKBsXCa3j"
    "aQcJWTHTO8jHeTorHfdOOi7aH7W0Yz7JRUqbwaDPs7yVQ804riLdSWdbOwKX1S+t0xe8GD"
    "WrnODupLu+KcKLztZGl/EQSQKEU1VJDOY1MOOl+pQai2FHKkMVh3qjhWOVHX36TiZW2WE0"
    "MQ9Q2TEogJMdyADgLYXVJtXj26OzVrJIr3lE9YPWnre5Fq1nrqvbOlg3NgiTSijAooADRD"
    "yqLR40QMJnEZpS73aKxpCTdEmw51MwZzChWp0pawmikUChD1YYD025lKOnlUP6UANdBeOs"
    "8R9oxsHy80eSTNVRBhXw/PkDMTjxz87RNMEptankq+T+7cuHH5NxVnLKkpgtgbAPSSU2YN"
    "5ZcxpJchQxRczmc+pSKL/rqsTMspNffv5RvIJhbsBLG/qRX6MaTb5zHPoMg5FJ3UZj9T6E"
    "yyUCVpqVhATL1rLxVQDdexzPoc9oGa9mTnq7JWwrwTSrRXtrWZcTYV0KE2cgZBXobOTWzp"
    "pt+FYqyLcs/tuh4b2/9LDMN0sMm7QfIDu4/3IBEY3M0M0IBgjv/rltHEuQuAm+W4ojlhod"
    "nejq9eiCCCPfzy3F8OA9hOdnwt1WIf5CbhsrimQkg9gj2nTv7/77S0HtXokGylTvP376+N"
    "e0eTlEqAx5ntM3Y9+qtENiKY7tnKCTGMTcN9lhilTD22WeXnQ5JaFZS8Hoi8pJGRDiOSwk"
    "gQPxNbVbTqtFvZb+vg3rh9+B9mhgZ4G/ceY4EI6Ld52Fxj7sTNwxE/3SIb7TaoBRsw4xbT"
    "HpokNMtAoGOsSEAo2v4m+/ezY/u0RxCEqyl6nST6AwnvlULIkHDs5ojTdoPIVnmF6mt9Bf"
    "tMbrCfY89H/QnBOS3Hki4tmKRq9q1YpHGvsqWGEhSu1WREAp0Cdw64kggYd9H8Ym8lzfwF"
    "iMo6nWyE8nyPWphHclFtSTI7CV0iGCQi/vlK66R4+/R8KVDxz78qHlH8nDQPan7V8qOdQc"
    "Ux+8vlUt0sAlvvzrHIEv/IJMEScu455AS7aWLbl2I0/JOVqwCPJEKeWpGlh1qd84gsGyP4"
    "h3phzLZY8R3yCIJJcvj6h8boI90OmqqiNAA0yNhGsaSJ7TwZJ0FcK/Sgm6XhKdgmpFgzgi"
    "6Hc2Qz5j1wLCJ2mEgAaNvZgg8ByYILl3wZqDr4XN5/CSIfP9RhVoSdv5W85DrvQ0I9lU3k"
    "4xVlescrSXylHQ+Buz1jkimyVlR47aapsOmwFInkAm6KbtBwhuF1VIsyKkogZpspq3bRiN"
    "dnMbH9BdBD8JD/aR4nSq8vf2cj/z/SiWzhDcxZF3jBEwk1Vos6s9RTbPBlYAvqPYXonWej"
    "P32Zu5LAUYTnYNuZ3vPs93MlcmJcLzJCfttr6/RP2J55ERs5qjGV7w30GMd4laxhDoIpVN"
    "vHq32CXMhYMtjVUm7CgbAIRKxbML9jlCK53tOgOJOtxwfylS2a28WwauBLSYm5WhLNPZNK"
    "27p2ld3zrm+ogC0fAW+/7zxkcswr6jvN8NeOwS1YD29L0x3XPqR4QbI1sms9DWqCnByG0K"
    "bJHIwlpT8ppzZr5gS1QW2Fpg3VpbURuobr21yAIqr0DWPEctPBPeoEg1PObg4sWLLhl3Xr"
    "xoTrkD92qVGjup1su0VtXaZ1Vrmtl2Vpddqc0JukA3oO3qyOK9zUn8ID6zOPR2nOYipZ3m"
    "3k1zv5yK30NYyqjZpVjfn3RxKFYRLl2TAAVJ+H0WLJ+me66LuL9E0zDmEnzIkhyoNABjZX"
    "p6osnpSjnMTte3oFObTlAMWZCpcoQuZhE6yrBXQZoEAZINnCmnXZ0KYCU/My5HAMdiJ/1D"
    "+fpm+QGmqU1tCokMtoEryrEWHHyL+QyuApXQYIXBW3cux4hUMZPxjAgqMUfT3+mcBI/VW1"
    "/+mXrfT1XebFUf9hbyGEC6BeLPuzrbWu/ZfnrP6nVqZlLMSKyvYUnEqaj651T2bFgxJk8z"
    "QIQPYlK5t/C+nhlvjxLep88tQ8PJ0WMoTx5m61hznKh4KxlbkekYItNHFmU1Y0bNklOhWS"
    "cBKshRdJSjPrMVUeVdEM6EArSKRYQEkdLKNgNbEkF4if4ZswhDycStyKG03VDaULtEInK7"
    "xLIL4p1NlBcC8SqC1JHGvQpmGzT967sv6ImqyAilIAsoTV+pYE+otTOGSvATiGT8nbhRS/"
    "60tGJ80tJmTzsNESedtq5HaNp+gJzK/h080m/BhOnekgwQ4v17pN5j9r++MYP345qqo/jN"
    "uPCMZIBL/EWnEKsXLTFWL6pBVpYLHywXXqwKgncrCYKtmb+v89svKesnH7dJV+p2J6kKck"
    "R0Lk2xkkTLRwK5eBViughUImpdb14KNp68Q1ehTyCDkhJAkBoOYaHEEKZFj0soUcGwr9NM"
    "SwGJYBFz9VxlOergI15JMi6lHzSeQgNHim2culOkDFwkl6FGZ9NGUlZbEH420dfko0yQ/G"
    "i3BVjF1nyE+epxHKInaM6kROejJ1eB6zMBQqGUxyjzhBwUWsWhw4Ip+vNf0FQ3zf5M2md/"
    "k8AT8McEvRYUP/kMJUyXmCIPb8TZOXofoQVncSiugjR7kRyimPzoPMkJMk3fQb+XPPRoQC"
    "SaK7KaEf5Y9phBDp2kvyWlmJ6pl4S83WwdqIKvsKVw+co3BBqnFxx1YQpiiuxP1Y+VqwrH"
    "HiWBKz8oa1Q7AQ6xWeI0NfgM2Nizf3EIdiMTcNP2AwT3IC6Zud3eFOYc2RDR7rKUW0w8VQ"
    "OPwkwfs2bbdYnQpoXdWbgPE3awiH1zPuS0/QBSwbaJHYdIhazYQSdlB6ugN8c9Vim/KvJx"
    "t2n48zwOXMVIz2LqRzQQ5zDe9/cwPYcJiEwZ7nrZvMGunydqk8xPcENqmQAQtcuOPqmAYg"
    "JfgehBw7cV6EzwK1I9aAATCdgEvRzJg4YuL8KbHEtlOnso7f1QKipMzHiGMqWdnr1PjzXa"
    "7DIVJ6HUt0FFD2Ka+2W7+X/g6/XZZ9Go2YCzbTPpYsVR7mMOlBA1KFjA5soEsK3bqZL7Qw"
    "Z/yGmPsHZKS6wVaDz18Oby7/K/xx8+PP7hhykYNmQjEc+yntO+JhVLzoHHuwqmylKUts8a"
    "E35D3WzMswlayplCsw3cy2oLqOdITCaX6hn1h4fG+lkmqjjrmWx3TaAs6ZplXn0i7UY5+0"
    "HFdReolREqYqoMwIyxa0SjV4gTlcnf2xYASL0AqdjWLZiARWX7bHLGiWzPVRkF8BYUza57"
    "+mnhNjyv9dzrkzKuJTgpm7XOsUkZhVVAd1BAi2QbLcLbnOQmaT4kffP+0rD0qEjvA9k7es"
    "O88PALXtTzLPpWK6uyJi5byRXBQyfCi45syhd5SAIJeIDEImIrwh9LanlaRthnCziiMYIL"
    "qUeCcoCQx/w1CSNVVX0TuHDcg1p9QRxyK8/sQJmVFucVJuXgo1lfhx5/Z21ndFMxjZYyME"
    "2lNHY8o+93Eg7s7WBdSQ7pSgKblOHqzdMcCuQhLWCNl+kyLlLZxdwBaMY9UpOwru0kzEhO"
    "upDBkT1GJPtGksjGEtJttVRzVPddPbWeodyHxnOP9WutynmXCbAqZxOpLQ6b4rDVnUm7eh"
    "naGKiUNYFysQc/crRk8iHPERVCij3XZIPGId6Asz66RTz2ifwHopt9uS7lzyBRsar2oFCl"
    "nrzJQMNdFdYOP1yX2qp64IRTgqzpxJZQ7akMV58+uJk7a0gefPry2/41rNkHZ4JvgWhwIB"
    "8kiUu6eZkX9iwSHooTHuqmkg+Tzu333fEvkA3JsHBsR3Z9nJtXwi7Q2fpVO8IPPJQx9jki"
    "m55hV+SthvSASiWbO2fLtnzbhWspC9M5puXbShmwFXjeOGw+d+akxnO7uQZphXBA28feDP"
    "Ih4S5JYJqFBvBWCS28Nfye/Dg8KpT3mOH6rSO1ENdATANHhCTwTPEt0520fn9vcN5gn0pI"
    "OFuZ6pSLlFan3DudcnWa5dZCa/IEdJnnjNROdK8nWiuVDbjTjOCI0dtKl5c+Sv31/eSg7s"
    "KdPm3JP12rudzFAFcgtJ9Qrz8hKDyyi41V2KprpzO/sw1ULZbCjKl+qo56QHz6kRVVCk3l"
    "ciOny+TYqhAOL7H//jVXOdDMhKcq4YCW/N5kqR0lfyv13w0tJzfseqdjuUhpT+Y+n8x6rh"
    "xOsKjL2tF8GlQI7Wlw92mwvg0x8DHMvTb0965SWry74s3iSK5T+cIiMmR5muiHh/1BvGE0"
    "fNoHcKf1XiAdHuiH22BwFNekqbl7e0nphof1/jVTGjNVBMgc6oxseEjvLR1srzy0f5J9NZ"
    "YazjeY3O2v7YS6bdciWeRGLgY/84zW/tBQ/DdxfL5EVN4T6C/ot3/lHAkn6J8xDiIabf79"
    "j6p79t56tTGzvdb82Pzg93ISq2+nim5zpriM4PgJ4u5HVj5IKji5kdKbmlXdGhW3JTpiUF"
    "y63+RBz/agHofE2WR7zXsK1Af6FPibZCpPRFGUrDqbe+9BzXqNelA9fa+47p9jv4XlVne7"
    "8Nvg4d6R2f4VUr9hlIYlEswDof5WHPslWtGAruKVvACs8JxyEaEw5u4SC4KYXAUTFFHCxW"
    "RbEWktFyZbVznwww5l2XLLlp/gZnpgtjz5uHaIT8rT2QCx3ePzKKg/6C6+xHky60oMV9SZ"
    "4KRnggNngqHo09CDTQ7SQRKCw1fuVTeGZWRKZF8l7vdMEXxsaV9EmEdiB6GkQGg9FPojgl"
    "QlT1UexHyGc2R2fvs8v1ZjZzV2Vndj9mFZjd1DnPWT0Nh9SSzFo0atXdZi0kFzl1mnu2rv"
    "cIRwmnaMCrRmPFpO0JKtkc8gg1gEV1WAnUoSDTfkG23k/zZoRhIbeJ2ubn8dW81cr3UVVj"
    "N3L5q5/GMZYFwis+5Unapr24QqNqHKkfdum1DlNOC1CVVsQpXTsoIopptGRrlN8zQDPNS6"
    "BHM0h3JUAjl6lLKmZ1vD6aoOqhqjXmWssfN84Hn28KbGbNl49hSJ7KlePYZ0cGbEIlzz+T"
    "QXMyxSWWCrwCaZfBRbaYBsmcwyS9v1ZhaMacOOzVRZGi9lPGPcWbnLXeCukA8P+W8uOiD/"
    "zUUj8nDLhn9YY3JfFvdpmhWtMfkhznrfjclJed+/QgXGUZ0tudBgcndhY1XLsaMZ+XVWXl"
    "hXEIZ6wdE50vkRLpE+MNAfyKNiJdnMOoPxbl1Y0/CJmoZhdg256hzJ4IornXgF4l5zzQdJ"
    "1cPWEhAnFoSbLeIy3fDgPoR4aJqe5ysT8+zEMuXEoiLIuev7Wc6dVnPLYi7jm9TyuiFcGD"
    "qTVCnter57PVuRsBH60xUGrAz4gKa5J0LfO8wDCXNT0H/+9qRN4CO6oUnY/6cQ1hvjj+XM"
    "zuki5sS73PrwhgxmGuEAkZssVH+C1jRaIheH8id4ZUCFYtkNZdoDOHUxqKmMfODBrBR5ql"
    "KkrYCsmZTnXUSc580SzvOKgGN9tw/IAaqNygTdjOBQ8A5p6eoDQfZ3S2p252Z31xKZtX/n"
    "UJFHp7OJsYn3ZQ2lhRSuLDhbR0vj9Vkms2DmUNlhfdZQWkjhCgtcomDR6p0aBrfNO6CG2m"
    "ZH6eAo4GHqb7T3lSPFFoOFXENp3eKaAE5OpV0QLpJaiGsy/IBb5m4Q15FaiOuiuZQuw9Qd"
    "uUxmTzq4cjqRMJCfx2FzJyC3kbMhmFftTLUt9hJR20X+vWiWfy8q8m+K4U5O9Xk6u0PUeS"
    "xzgq+dGQtiQYwyrVUpbbK13ZOtMfWERhOQI7HI26T2/RVWbCLBYRo2bSLBhzO/1g2lmSU7"
    "TR91G5nwEGe955EJ725Dyjc/kxXMKh/V+akUW0xaXVVUW4cnjbt6qwQEcbYGBxA0i91rEq"
    "FblPYBMQZQPoIGgvCIZrnpoiVBOGIr6iLXx3Q1QYIhgt0l3BTgaQKq7hpvlQMPVuOt8ttI"
    "D5S4x6sxtIz8D+vIcgqOLIXp6z4JBTJbZMFwOioe0KbwF8gs/DvDn9uvKvi3JILIEw0J/b"
    "1pAnV+PANMtwQWz/p1egKBKMcLrNp7iWjj4tC2LLRZHlMr8zeif7rSXr9iEm4jwgPsv2VB"
    "pGWyGnmv2GRydzC6q5uah6PTAP1K3rLVKzTNuLWpkqWQT4NrKN+95CxeLJUEJtciC2h7dP"
    "ruPdowg17zo83SGUkW7A7xvjWkgws+2L9/fPLVmACdIzkQLzAkgO9N4O0ZzPci7trUDDa2"
    "2jK4NrbaTnOP5RiVJ+uDDmGokWHytzvILyqlVRIRYWCz0gSIzRHWWbEuoaZSKomMp1BmZI"
    "pSHvMMMWVfms+zW+qvs5o0Wj6ZR/WmqyOMWWvByqV3Snhla7vqEfvS71ReA+dqzOXOfYub"
    "wxaHbHmnQ1XCsCaTQ6L7O4MKN65ExMDIVySyERRVAR0Q2km4KBBa2aJ3skV+koEb3WGKc2"
    "TWvbnP86tSpjjpPHQXDop0Jx0neQTBoC/Sekw98lZ2M6qT1bObkzZJfQHNHFe262xmVCSP"
    "BErMkwiIt4Kv0iiCi+cYQ/njayk+K99OZSIk2oooSXwf4QhNk1tyb5meSWEZfJFrUqEdaU"
    "xrquzxNzdpEcaV8sXYrpOn2s+O92CmoijqGNl1MoLBWYS/6eIZ9k2zZ9g3Fc+w05AjR+n2"
    "O6rAXLjTzzzQOrumqSovT2QtlHfrmv7JHdO0lTmS4SH8otNCftGykl9UlzK+kQekkSfpls"
    "JC3AlixTsa7RQpwfAA3n9hti1nbqqgKFJaHUWfdRTWW+VBTLP1VhnsNPdE//UjiyLCN6Ma"
    "7Vd6a9Km+/JVI9o1+/9rpAk2ibeIQB7HazRnPMnGv1VIyRtzyFwUxjOfiiXx5G/XZ4J4r9"
    "ANJetLtF4S4surAQ2Is+AUWsjRcOQua9Rfxxn4KhhDG4HYDeFKcyYkqmqwlA6qCCgiAZUI"
    "oMmaBSjk9H9BOyfkc55ZVVr/9TfNqjSbAf+AUnD+sQwwLpENT5I4SNQfbGUmKKftj6g4U3"
    "tqVWu2vdxXlZmIkqS1VYAb9+kSlY21PtlY65HiMqrrdnu5n4HWHhWhjzfOnLMaHU67TFKm"
    "tSqGvgkldTMdBxH1d53qjNjOda/nWoonu33SeUI7x72f490+5gKlneVez7IqOAEzZsJXlq"
    "isa2+VrfTpXC1vY2yrhBbemuoUkJxfsr51VYOaa1MUiCysdUXYmN9cn7ulAluRzEJbA22q"
    "Ht7BOlOmtWdqn89UrfzfyaKeI7Rz3Os5TsziM6OSPkWq4SmVbZqNY0J/mlnEbe74hzjrNZ"
    "tqn3LHJ74LP0iRa9Ts2qBuT+52b8iJxt3Sb0DzCVrTaImIZKPlqoXImoAQD8JpGMKxRyPl"
    "CMAJ6EkRbcipsUtHV8FVMOXyGltN0wzxgsjtMxKPob9AggUuEK/QdE3oYhmJqWrzm3JBcK"
    "gnB1TX/4FCTLmAjB5wH4QClAgFCOt+ob+rQGDlxwCZDeMA32CqPjbd67/SXi8hSkiw4N+a"
    "kLhUdURuXT+GtxmLiLnXiMXRBLk4FGeyNyXgqfqkqrOrQDtvPNLeGwJSKmKVMh8QkpTwF8"
    "G+dqZAMzJnnEhCCQILiOwPRvXUeT29TF4SHD3kKOiPqwC+TOZjmEgn9x5orHw0dOuQymec"
    "E99HAEIyULTEEVpLSOQjQDhUviP1CrnezmFyiNx6RORck002Q65PSRDJN3vvkVXIIhK4m8"
    "f/l2wukd6pVFWAJMUKzHeyMlW6f3jriG/kugCnEw1NtKZtaf/Tha09Pwrp2XJPV8mk0koI"
    "mVcm6Lf6i0W6NEmL9V7pnfdKcaK6z0KRbkimaVtT4CHBn9/+DETBEtkAfbmePe3mTdDmTl"
    "DxJ7hPBWXv4N6zhlLzgGa7yJZmSJAeeQtJ2Ooq8s0FXHMkX1XAtW8T0ILlQSq45jhtE/hL"
    "ZHYKvmIKtkKbqSnPtUVkWrZzayI9CKxbnYAJu1ekGiC3t//I1FQRZMaQ5KmGtC0cmSXRMJ"
    "qmqyxSDXCV7zmtosbLNP6nSDVAlPdvRgQtr6Nwq9lNpGxIcNAkpucJS1jPJOUJgt22OXz6"
    "9GOBwXvzvrRVfPzlw5t3UmxX4MtGNGrYQSAw0YDxSJtblqPOK8sw7ucrQ34GDqcUG0KJiS"
    "lnUSAbEK5H5ixsJNvBItlCEngOCaIdrDFV2iFBfC/M824TUaW1W82u8+DhGhkd/Ieaohrq"
    "hPOC09AJfgItKILTj/W3eyjuq/1ytfornUejZlcrdXvSxdVqIVt2ziYDmVOAAK0xVdmLIa"
    "GLfNQY+2ge+3Pqr+TWq3O7kEvV/A8kljQMVVoX+RD0hnDI7AI+OIl7zUJeU045o9I6OviA"
    "V4Gcc7ksBBoDjBMUyo9O/pNcPUPrJfUJohF4DU1l59OkH8yviURPjSTgvnIZczHnNPEXAi"
    "ivlfOYcv7qmGHmt22uWeuy01uXHRWgaToFOSKbuXlHhsT6SllfqX7UubpHuchadIZfDLh3"
    "kB/YvnDfKfm7wDtaa9+3Ir7pxX6mD0oY2Sqyza45OZKvcsvpmQbl2F45iSxgsqZzJMMLbd"
    "y/f0MqYUkh3QTlEtnwkD7A7qzl6R2UWkVKG5LdN51W0TEr0ZXsMM9lWjvTfZ5pq6Qe7DT3"
    "S0n9E2P+fyVRI8266nyrSReVdT4apavqOkB0tYpVV0gEOBRLFkGkLU4jOx8JFXF7iaZKYB"
    "ZT9Bf0278gOlerhsErb5IkL5+gxJkhIqvQl6sbonir2uvDjwlBtCJy5iSYqEzmaSjxJB8T"
    "O4FYVifRwfh0ReVtnYFM/QFrRmmsIeYYQnMFiUDV3jWYNQ0LKseuWuV1L5XXVod6z4ok8+"
    "g7G3h3h3+f2jxNlBxbCht69LWhRzZEZu+BpCpxh4lSY0th1c0GWbFs9jGbfax/W7UVNM0F"
    "TRVh0iJiphEoHYTLjDXolntKpyRSUh3IcudKaLtMhDY0nuof0wlUfPdopOq7cxYvlkrg8o"
    "m3IFwnMQLpThJUxbxpVbY82shXARUiztFKBM8F4TfUJeJcUwjoRXlpQR9aHpXDav8sOQ6a"
    "bdBSiphn52iak0unl1rmVK+Bk9xWEmlfIFgckG9rTG7lBPgbyCeF5C96oxMzwftOUBwoAV"
    "YOoHJZye4/q5xWsEakJJ3dfqUSXKWXA9nX5VUwLQvFU7SmQZJ9i4rksXJZoCDZ0wRNc5Lz"
    "loJGquVn+ZaLJaZSvN6oimTyZWxtsf4LZ6cqLQ91PqzXxVHYM9PwZBuY3ABtNTDZRhweIO"
    "Iwx5iY7cb19ANC+j5iECWTZ7DA8yQDAn5vS5yupIDjxLymWlDzhlwgGp5C4iA1No8ZV7/T"
    "mfe0jO3T/qxSbV00gG9LYAHU22Am/tYcYW2ZNEqUR0ylkV3JY1qvEdmH+mufOTRAHSCl7g"
    "jXbKvNn3yRyp5WTcD6ZG60lRaILKw1hsySSspEgKghtRDXxbRn6jsDdEtUFtgqsFo7a3io"
    "bYmOeJ6lWrM8qJkmrcenmbWmNS/m06zqYmv5PMRZr7Gp9rCWjzKZ/oA3ozusqj/orC8dDa"
    "uOhzcdjau/JrY1tjV1BuqPgpVtnJkQH4mice5sguRSEdr8iMEh1qPQN/ZRHArCa0oAHWfI"
    "Wp/afJQuJNKx3rQ90nw22wdtSLbNT9VbR6Ka/FRrI8fjtXU6Lsg7/TqhlbPLa+/3WESQBK"
    "nloC637HRea3UNzqg6J4lKsyPJ01HXmHPh9Ew9lWDrS0rs0UgkRer0maqr68Gc+dB4ulUY"
    "Tc+qh/UhB7L+Or0+Ak7xPB7qXBQCiCNsolRL29vzpVHFbhpcUaKyyNrwihpAi1b2TnXmLl"
    "rqzF1U68yxEABhRvlP8jQDxNmGV/RDKuq5KrBX4RUfsO+/ThJC1YgX+dutMsVKNnSSzFJd"
    "gyteo231aZ1eZJMmZlVZYFXi2lqxoCOZZfJ7zVg2M/k2C6V1ye/FkX6Aom2QgNoE3YxggP"
    "BedGNMW/jSah2rRa3nXRvrv6j3uBsCwPtnST0SYWrkw7ylGCDAzy66BJbIVs05PS8qwSVU"
    "ZI9dPf/avG2KhNaD1PrcPEDviyafmx5JXG/lz1GDuKXuTe6UtVx53SCIHZprs8kN5REU1+"
    "AE3kUKUXHoM+wRT8Vcv1K1MwIIzc5HZnPikZXqsCqP7b/7Wv8J3WHC3MN4FQ+KUpttp44t"
    "tdFbUa8wZd0noUA2JCX40QP9PCNpJG0/QFbuEEV18zuQ4fouke7FI/3B7DeWv7P83T3ydz"
    "9nX28Tl5drcTevt90MDDi+LdGlco9JswbhJDEQUhVNzybqpovFEjHuyctUcnHBRmeMhVu5"
    "Imy1rN+BxqnlAQsKXirHda5J1ZO21K7AKijP2wnKlWFbMrna4yCivuURe8ojWnPAfZ6gfe"
    "bQh49+tssZMOl5Gsuod2LU5WuKyFnK48nMdlCks2DbpFRm1oNOxoMW20F1Jatd19SEWyIb"
    "INT7X8fHTgHWO3z3nTlFbqKmOadyJDb9jEZkFWK6MLKA52mGl2Nq/y4cNirNOCrtFMp/Hu"
    "/U/7bLqV/WnuVO/W/LK3KrOzHBuEg1vC9//9wViyNHDucRw5KUZbq9YH2/iqFDu8lxEuL6"
    "rMwtrnJ5ouGt5/2zsHKoQECKngYLVWuR1RLl8PDe/6rO6ZprGYhmY1SR0lbf7Fs4R2Hvwn"
    "QXe2OOzM5vn+dXZZiWB009v9XqoFkmtS6aHVw0OZnHgWfIchWIhnc2HUIHrgAzltTKdMPD"
    "ev9yBN6G1BVhbi5omCP5qoqGPUO6BdmDFDSEbN/Gpswc0YASgx7d01CVaKCe0bIvUtmVv/"
    "vKP6qnZ8+wPnicPuac1qXxaFO6ZyTDQ3j/kjM4vF3LBzDkAktkw0N6/2tZLGkY7uQwW6S0"
    "MmyfZdgkc8JO81ymtTPd55l22Sr0yY4u8CVaO9O9nmkcuATKse4y0yVaO9P9n2nHPM9Zhd"
    "ByRDYLl/2o1Fi2DsNgp7lXoWHQz6gxLEzdnXQICYOGXQstLHGEcFrmXJ4BaEEilSstCdba"
    "/vo/KkSrpnDCTl3YBGy9Vs42R1zZFGAHTaG0fSwDjEtkw+PcDlIN1pbdPRLQrgRjwbhRoF"
    "qe5lBbR2XzHo0qIPdY8W2jpQ5oh7chPIrZsCE8fQrhWVEJQa01sTnSPUdiQdT7HXOvDRDM"
    "2g/IwWOP9RQ8QlbEk3jFdS6PrVmMioR2dcIVVUzQgYrOtbFkjXhW6OxqbQO3ORiyA8ItUZ"
    "EW5gwpn84zpaYRxHlCC68N5L2XQF4qQh9vnDlnK1Odf5nWGkz7pvSvm+mdYq8qxHau+zzX"
    "munc6aMukdp5PoF53umTLtPame7zTAvGTaTOtLmVNeHKnOAoluu9xpzaFqmYJ7NRih2iFF"
    "PAHIlUknmyVrjvhHq1EzsHXYp56GihiKxCFWlr6kRQTz8g8fR+Yr5C7F6DQXXH6SiS29nY"
    "dTYgXcdNjaamdUfaEh1xB0pttnnoMztun/cf6ynauOSHlWzeOo4OedZrpBL19D3yI/3ss2"
    "jU4EWq7k3u9CGFsPbOpXrldn8N1AhWoi71JAi/oS5JSj1N0JpGyyTLvzyyabSpq927cz/W"
    "l7TXbMZpVnga6mwUMm/ySOwSzZsnHODRdLpHUZUDSTdKAyVZnsT6stV8OBG+NnJky9o/XL"
    "Vjn9gj8Od67f0ei0jlWmvilErNOjBNQCG/zZSkKwMVezQCdofcEL5B8tmhSKbqDLlLHCwI"
    "GkMlJFVIU5fMFGcJK7ReMlUlab2s46j22LFlsXp9qFsWq0+zUcilEWGDkyJrb8/dJs9dB8"
    "8jIw/oEtWAlMR79OI1zRbwlWkCerdSS9EkLzuFk7xsiSd5WUkQHwIgzCgTWJ5mgDjbfAxW"
    "qD25QH1leh/VCQ36TrucoNp01qzCFMYrwifommyIh2aSi6cBfRxytuB4heT+EFDvHL3BPm"
    "RvEQhzgjwSMC4FEiokBfirIcmxJxVXJ0jIh0a5FP11ithjDWuFil6zsc1ChV4AhidZ8BXF"
    "IHo2CQc+xeRbMkN8cyQHcu8fEsChBMgoiUVGYGMn7o6dUGDpuD6zmP8K4fDQ7iJYNIsVFa"
    "EioO61cUKWHM3wAN7/ZkGDGxrBsjRLkl0iG9yxt/9SdRoxz5nVF/dqZe/KpAPS8hxZZTnT"
    "TL2Bgi1H8XANXIUDkAQejNcdwhyFhRCuLDhbRzUF1xsR3BJYAOEK5PyQm/UNqQmAajZUF4"
    "gskHDFXRKoE+DIMQg2yRtSJbSAwhUfi8hJwTEsmFxH+5XVk3t26LdAWVM82eq7m5ftafoX"
    "W6/yhzjrffcqV2aLv8bUI6NGy4e+Pbnb/OEsoGVHI8iXJUlSCz8SSBFebq0LLlut5MqLNm"
    "jBcbiULUJOV5hvdMsJwoizOPDk/2c0QMoHQF5LqmxOIDMxDioGkMMPeRVgb0WDc/QpILLh"
    "GoWykR7SGkb6Lyw3G0aSBW46CQWy/XCJD2YyCv7s87l5BccclXV02x17xs2jePNUB9LYPQ"
    "DoWczr9HXNquktxQCdivavl865LdSu8NYagyXK4Rlc9m8/tEJtI/SnK870zIlLwuyKHzBV"
    "gmKNQJO7f4dEo1o6Xtb0Lommea5ruP7fRomSi8c+ca6J+p1PjZ/T2P6jJCL8VmgI/fzDSg"
    "29lBoMlaD70Xue0NZWo/jMfw+dfdZzNANkfA5Ru7qfdTvuEeSLLiBfNIN8UQH5pAx1JxTT"
    "QoWIa1PbtR1rGc1Jm+qOLICmqfzNsM5TWbRN0L4hXJijvaWyaHdHm9yGtD5DZgvYOSKLdX"
    "esXR+vwYcP15VnaU0GWCS0mHfHXGcrgKyicY22pQ30MqVFvTvqATEEOyGwGBvs3IF8KlJT"
    "wa11594SWay7Y50LazQ1elqsO2DdL7Wpdvf4AbepTrdtJl3Up9uE1t3cQnZTohbM7Jk26G"
    "69aYHUKlGtErW3ShQzJWp/vFX6oXs6tiRvddhWh2112FaHXdBh94vX+0xXsY8THJqYvVyj"
    "TtyeyNp3zoSyXuLoMZ0jHgdoPP3p0+cv6InyoX1y8+xJrr/p2aVy0/U4nkcTlSpaZS0hQq"
    "h8hnABB2KdONqWEp8cYJSr4EouERzF4hK6DeRY6A/ksYDIf+aY+sQ7R58hfyRay1XL1ikl"
    "whFigUteIR/zhfxbkgj1ZDRQg8M8L7SvMZvDlatgzfi1bBnJ10ARY9eqHSfy2xCRejBI1B"
    "Iy39dJXagn3zJ9cGcWTtFfIFekXMySCOrayWZP0ivJqPohz6ybcv85jWZeWS9IkyNxSzHA"
    "A/HZ0y4ug0+bXQafVlJgbD8qgxOxRHXSWpE95iZU21cVxv/8/Oljk7ErIynLd9SN5L7rU3"
    "GK7EULbgCG0lOkjn/p6hx/eP3f5YX79sdPbxQ4OY8+6OBNBXoBz2+EfErxVcD3zOH12LgT"
    "zs3yRGYEw3Mvvnjxoou08uJFs7gC9+o9jGdmYmGBaoDn4PMu5+Dz5nPweeUctK7cu2wqJ+"
    "HKXShwSQMqljvNc4nUVtvt2zz3Sx/xq5x3vsL8etSsjti2mXTRRqzT5gcwPXUVh41zuH1N"
    "/raeScQHiSZqln1VChGw85tnGauQnrSEdmRrR4+SVtgTYognxKc4mrHbD0QIrBZ45XgoNm"
    "g9G5hq6qx028MfDL/lFGwBuY3kWodK0/CvdTjoqRL1Wr68yZmdth+g4Lh/i6JHvDg0to4X"
    "qQbHHB2kLsm9OYH07BS+H64oxBuou2aiY82RWO32V2hZT8MIlk8NW0Q9f6OfVrCEianBuD"
    "mqIEdy0tLV3uxfZXawgmW78FRDbpWpvROhKvlRjU1ARSprBzKyA1nzxKC/qB6pnuw0D1L3"
    "9JNO7zmq0TqltyZt+qYkPWhnd0gRuy4RYh77aWZRNP7y8+uPn1+//fL+08fzz7+8ffvu8+"
    "eziRQGgmvioYghnGQYBc8/8OSThOBVqGu5jUqr5VBjdFGFFURLudF6NPkErSasn5qwe0+Q"
    "17NJOXB+PBZHjhzOI3InNAG7THcoIXZIleJW7tJsRWcEA1Tz7n8pyxPRDN6MwMLbZae49z"
    "qdfdodHpr6fKiMSIHxkKeZws2M6chRHVGVW9Xh7m9t7z/rMYuw78xJYKC9LdDYiL56e4/8"
    "7HfBtobSIlyXRSrmnASumWd3juaI+8Hbj3+vbgnpxR5Wm000Ak6q6zLRpJVprS6td7q0ku"
    "kOuzX1F1s484zCGh86GR/uK2i+b0jvPV5wHss38QyP1zKZNT6PLovaV8MNv0Rq3Xb7vN1b"
    "Q+iDmGZrCB3sNPfLEPqzOk1HzebQpMGkg1HU0UfzLrZRTYnGP7/7j18+/pCzWErEBZ35G9"
    "nCZdyDdChkzjjRqVz0uHfYRL++b5s+pddqxmZ7p556Q1NngWhwVs79W97AWplgZm7mLBBa"
    "sO8Eu38W/D4Zjh6eCf8edS37X9zJZrCLPsBq2kd32TJ2QreO1GJcZ+G0VjhrhTtBhHtmKr"
    "Kqw4PplEIfBwGpk0cZ8wkOGr6jLVVpemeS7FAfUHYlP6f1ioR9zOWbT59+LEzjm/clWfPj"
    "Lx/evPt5/EzNn2xEo4IImkOZ0cAokG5LYI1EVTgXnK2jGvNmI5xbAgtnTRWpMPTpTnrlIq"
    "Xd6fu801sj0WCnuS/WAzi03sTuNakPpcrdnrRaDqChM1MtO9oN3mEu+RGkj020ptESApgo"
    "R2wdIFXQcfMKCYi5F5D2fY0Eg4Ts0WN1D7K6zykX0TmaemQWTdGSyRdGUJnwMWAj0Iz4bI"
    "2eVq0KRx3ZOP4Kch6QkWzzW/Jzkta3FCokq3CDE8nxCZLdyHKl2citfloybAWge69RaJ6G"
    "8KszEPaMR7of7LNNq6vuPSMYoNJ9z47CNKARxSZ+jTmKIe0ne/RqXMm+k3Q/nU0YORqLan"
    "N1bwevWBzUSDXNW3CF0PqLbnERO4iIRUqrCOibhFjcjDI233CWi5R2lvs8y/qLdHhcYx9r"
    "KUVSoBpeKIitkWE/p5NUq70DqXHUpFXTdyd3K9VA+KQdM2KP3q9WsaJHPvGghqFPA3KOpt"
    "QjK8jSO0VUIL3YUChva72Crq0IFRKhXcgiCM2U99wlDqhYoTnjibasqkw7yoi1NcYLOpF0"
    "uJri4qV2iQaNxdxN1Gy5r9qqzazarNcb9P2obrDr1strLdGpW5IjBnjjG0x1DxX8i7d6mr"
    "/XVCy+D3H4hNQNtmLAARerKlNsJKmkBAMUUrroc583K3SfV1M/aAbFAN4txfDw/VOXbDt/"
    "as6286dKth0e+8SYn8gRWTvQrsxExqobrO08zRA350MkSpthHwcucfA8IjWZzRsXeYXOsh"
    "Y9cGgcnOUCNBk151tzGZaMwFa63r0Gi9V97jIVVvdpqPsUb2Jv0eJTmN6f3Kn/FM5MNe2a"
    "jSAIYuynvn2aFI0xAk895BLqyxVwdo5gtEuVUUAQuXfMfbyoyT7wdX3ZbAO9ZkiblY0bgk"
    "34pbT5fo71PuC/tzNefzNOUyxN25KukA6JCz2yxCU39cCRKFHmzEKDlV2hO94cvHz6tMK8"
    "ptf6sbZh2zcRYdP2R9SG6zOpqgrPXe+JL2NPeJfPLHwtBF0ETbVlig1auRfBQgdnbTuyL5"
    "8CghYx9cgjgYRcSgSxOcIowuL6HCl/2EtV3AU9/h55YD79A7Ebwr2YoHH6I70lIur7SFlh"
    "xAT5kvZMNndBtvd9UlOB5piDXwVXwa/kLVshQYF9mq6Jy1bOSiyoN5VMlufBbweq6Glixt"
    "M2v7OZbPNkumIqWdW2vf4bHvdskjbWFSSnV8E4qd4IT6ElGflLQI0dybJh6qu/s+c7e4Wm"
    "IfN9Ke1MkfKgEspiLVl0+Q0huHWOppys5Pen2uDAuwqmHsEe2L/1JQmgy0Iqe55z+aJADw"
    "+HBEv6AmrCgVabwxMMV5hfK2oAUn55HoXlITnRX34C4aLZIg69b6NI5vMsEKRS+DoJHkke"
    "vxRUknsLfScPpZZWFDLWWt5TBja3DrpPQY7IslpfE+Sgvzsj7PNUhwJ/qJ9BHnvGzW06eS"
    "pr1NkVe04W8JwG/PCWYnjmyv3nL9NHsOTauVm2uDLd8LDef/qyUwhUU3WjqpJddnU/VslO"
    "RskWm2Q1MZxLJUNsllilSGSNZ3AFQs5ZbARjnsSCqBdWKv9UULwrqCZHaGNq+mYIy89xXp"
    "Y1nOUSqbV49nqiE23K7p+zzYl0EvOcKMl2mOYipZ3lPs+yFFpCn+zoqFKitTN9GjN9Q7GJ"
    "0FUhHJ5ou38BjNxQjwRmfnd5Gut6t7vrXdmKYqbCyVlf7Dq/c53nrInmUGdkQ0T6AI7mOb"
    "OsOdgZmQW7W/nz1OptAnWByAJtsKq1bGiiZ6vQWWUbXEl9BgyZ+RyZ5eN7zcfbwIKhTnN/"
    "nPN+Tk1Bo3rfvO39yV2ueUWrUpcyh24sInmO8sQlTv6PL0D+RNGSs3ixVO5ayn/uHE0FCb"
    "zU+QytKOeMCwQOzQvZNgTXNtUi8ScbP0UBUw9dKn948DGvAvCBm6BnSP97ARflaHMusfEm"
    "6Bvllabc03y6ohE4xkV4ISdIJXYRJELrJQlQ4su3ZGuRObo9kj/xoiWDS87liNxGhAfYT0"
    "3VZbc162lmPc36ur/fU06WzLfYeAIqpNbnbNdZKO9bBkJZDekAQ9v3755zb7mgeiY93M+C"
    "T9xIarBvqz6Vo7LVpzpUn8qxcgaqhxLVgBb5/rIOKN7VcPVuiezi7bJ4rynIV1iYOQSXyI"
    "anptyPV3CPpPFYPWGtIB7rPHt3yOCyVee4fvT5008IKC4RDhCOPQpGSTRORWSBZhspjy5W"
    "So5lfCs7K/FXnE2QiEiYFvzhVH7TXMBFFm6jrGoynB5v6KvgMyFIYvZEcoQ31CXiiYTpiY"
    "LpPNyorKggXIsllksHovOmqt/pBIRy0Ayon8mTqJ9yBIcFU5uQoP88VrOUrf412EnT9lac"
    "6CBOpJ+zCcB5mgGCvOfiNMnWVAW4JdfTluSrXE76hvOxfU6So8AE+hyJhf5rMm0tMajXjJ"
    "Z9nsa6Wn3FsgeuyGjRpwR2yX8V7IrbNAM+I7HQfwX0UniiNzU8TKteY0t0RL1Gyr7nQc9Y"
    "+h5rNayDwy4TYB0cDFUqwahJoxJ0UagEBomGINcMHHxKrwCOBJrr3uo1UMlEpXQbSqWBEk"
    "7lbAJ1j+Wq9WQHLgE9CCgoknovScLmSpKhYwx8FYxBb6I1L5NkBNmP68acg+x2pnMaxeIS"
    "JYmLRJIhSP+EwwdUkqEcYqzVkpDCKGIegxYBi6icV6/ZuyGXLByeIU1frZ9ELfDsWWqy9D"
    "RQ5zOFJJp+m4Wnn1qbe8kw37ej4b4ywWy/mM7mhxzNAHU6+09Jktu+DGAuUg0Q6GddSlU8"
    "ay5V8axSqmJ7YnQFeUsxQIAPkvClp0m7HsRebRoQ95WhcL2D/cB1mswt8dYIb56ay8YaHi"
    "Uqy2phGtG3Wph9aWE+k8B7qwor1utitvcnd2lklEueToPcTTHzlvFQqzoeA61Av9M5CbKc"
    "xaAxwVv/EhrIv1YsiJZo/IbQ30F9Act3gh79Xf73+MOHR2eXSXCGfD56A84qOJIkohpucr"
    "yhr4I/e3gjoA/Vw/dZV5AL2eMs1FEk5NYlQiBB5aYS+Rs0hud9soYywdHjkLOIye9bnK88"
    "dBU/fYq/e3Euj7/L9LkV6mhOuYiatTQ1XtjqSWwESp/YxWYti3XAP74Dvvo+DIDOCAYIb9"
    "uKTtH9rhHc7yqiKDGLNs/aP9wo8/7wDV+wuG5gGdStO7kFiIzrHI+a1kZASwzZ61DEdCSo"
    "uEysHQKN0+TWYoJ0vmXldar1FuCWmjvPM/9VOMTr3GAPPCBUhEgNMsJdEi+GmgxQT4KKEE"
    "dwBY3nOAjA5BNHxXISaJpEmDizcHqJZlhQkRbuYnPFS6ygD/kuV8HWbZdLGYzDq2CBkg7Q"
    "GAJgwf4jnxbo5IqNOPMT81PSGZnPiRtJ+pDxRuaiYtPZKi7kLx7ZEgr9ZSvStW4e3FokHF"
    "AMzpH1grZ2+wFNCtaj/ID8MZwYhk63ORLrBvcVbnDW1dy6mj9A6FNusoJ9u0o8T2cV4r1T"
    "iNs89g9wopPaEjMyB0Fa/o4jYlYtpYH+4SqIatJXmNXBLRJZIJOz4wTcNkaZJmlU2XuKt/"
    "qZx7hUQLbjei1R2QWrN0Zbe2ovQG71sbswI2Vim9W1z9xI6jQzq3GlbtOCFumsEnRXJah1"
    "dxrsZ9Yjs2Vishg1mC7T25M7zZdJy84mTE5iAR3o5LagwdcpcmgkULJgUKIaPVe3L6EYOw"
    "90HXca3FDJU8re5B8ryfQ4KyKEfE30R4318mBjXQUuW63kZxFtID4MLxaS5BxNk86mEJum"
    "+4vIbTRBUha/niAcRdhdagPoP2P6v+hf8qsSKg/Qb//65wQxBZOQDQOxJlwul6sgVONifi"
    "3nT8XBwbJHYyHHk+/1R2KilM+n0v2D/RIvtC02TSxg8wD1f/dvNkpak5g1iVmTmDUOjEyM"
    "A5aFtCzkgVnIkATea99nLk5moMpGlpq0s5LQ2MFZ647s5K9L6i7RLHavwRMNI9UN8jhZoz"
    "lnqwkSTF7lBBzRsS9/KF81gcit7NaH/AFMkIx+zDiVjJxsSG5DyjdnVY+4YwxoebUT5dXk"
    "0cU3xt5jeSqblH9XrYn+pIzBL5DZiN6d4cerNDaqq70iIxgS6oNwagfX7V+EOniqh3p2s/"
    "04V+7fEGPT8SD/DMdk4lo+QaDvIJEKHpOnK/ZWNBCXCErSRjSi8jiFuLSk/BCMpJoljtuC"
    "+aR6bh+gf3tM93pvsqmV70Xq58w3AjdtP0Bw96+v0vkDzKMey3R7STxwvzvJoTOE29yatR"
    "vuHiuGJFFjZidhnupAJuahHog5j3l2TQLh3GCfeg6eR5qbM1ET1vdg/Tr6pi20SuFun6F8"
    "Qe9T4G+SFXgi0558LL3VEcNePaoVIuHGpF2ABLVpV5+CcLkR1MU+UmSXiZyHZsRnkKGEQc"
    "LZV8oJQKR5ZxO9LAh2SdDyK4RRiDdgRkfwwEK5Cah2dZHRRxnTypi9PlKbZUxXLmkTDj1t"
    "vx8xqEes+f5zr1nx/ZDiu9qXjAT4jOJQAA9p8Vq50tZssGzu8Njcn1nU7AhRaNDK9iom0t"
    "FKDp5QdOSC/8bWSD7jBumi1zqZnurpkUCcxcB0shkN0BIS3+hsPpD7RjDZI0djaB6Q20gz"
    "sojKDmIeCCSfEgU1nhBHGM9yvyfK/d6Tbu/hTkVOtwcfkRnuGclJx7odAeeeHDhfaL1tXl"
    "1vPV4i2tkg/0Hv6ksaIp/cEHBlwyof22wDMQfraIlusB8TNA7A2U05wkVnrxCET4htlMVK"
    "Ti8NfTlu9QQ5zBD20OjxF9R2aKg1UJ2ARvSz9sM5K/YWr2t1JAeU4fXe5ERLKb5AmgiDNV"
    "tHav3fahbwdlM3S9tRoTseus+eyv/K8GYXH7xbIXAncgMKFrUmodzdOzkYx1UNuzEyzVBb"
    "RuFEGQWtcDAWLwtk1tF+VwETwlwcU16tSGRPvFqnHGNU8yQW09r8P0cug9U7QA/MCltjSy"
    "P0J2Jc6Xug6a9EfqzRT3jzURVfbg43rW/YykzqokIh3jhBjqajguzdDeEbJP+nSkKjfA8T"
    "XZ86JLxwGVEPiiXocgecuITeEG+CQs6g4hH8pIuAceLVWFsOPprlhnvNf7VEs+TmvJYnbt"
    "H6VEkH53+0fxcZyXEFOg2PCdZFqgEyF8+7FDF93lzE9HlNEVPBYu4SY6wrhEdMPjqqgN1r"
    "hOdmuM53RrNncRcHd6PTK7CKbnPymzzNV2W/OZ0YikNlxj+FLMUpS1bdMAp3+pmjOCnuSY"
    "3SlBeJjqiYLyP87Kt5vr1pKHwsIodwzmpCsJoXbJFqeGWkL1686LBiZavGJavuWV3FA9FV"
    "5Kc5E3B3mOgyrQ1o7NtM90Yr5bLVOxDpRrWqqOzu5A79E1s5SjLsHOqWqoAmyCMu34RQpd"
    "vFvg/vNdkWt9S1QBCNwLFW3pIY+sRbQNnLwNsqgcDVCqM149d1DloHHQ1qf061VHxNNlOg"
    "9ORoN1B1nLNVVocTQuPGqp1KaRssCIJ1qwt1Ug8i5uQjcWArJuit2qm/yE8zrUP+SFwFnE"
    "RwWxcaj0MfVB7yT/nd++B6DLoy2bknuWsaSEZbTwjSTmceO0efEy0a5HqD1MCPv0/fKfnL"
    "Y4FKCpxo1NA4DgCDACXPfU3CSNdSV6lmoI7pHFOodTpe4BuC4hCpIGqUAAKHIY4gtXIkpl"
    "31c/lao+BYnfZgS472V3mXrX9zVVJCNDiF3bNvu6g5ZKuWvCkVRQe5qc1EewfGQ9XUveyi"
    "R3rZrEd6WWGt1b5srKcrkVmoO0Ad4o3PcM2m3axYypHYrMrDVywlXEpVr5S/0U+1UsrzGC"
    "iV8iQnHb+yP9/vEu9XwbJdBq4htxqP3snBVod41+50EB1iqprf4bsqkdpvqtfflNUiDnmm"
    "e6dF/JlEfDNqVSXqJpOO+kQn0Xl1VCvGHo0QgzzHWkUFIfzkcU7Jpe9NEwXX9MlU66+mWs"
    "N1idZLNpH/I8FEa+/Wqk6C5n/RmAWkqlw8/JhXAWdr5RgHaEDxBRzJn/ITionO56x6eqUq"
    "NoTKxqNvi0i31QKqcrdbwhPJZSXkHwGxPnMDULsZF2rIUdn4kV3jR1gIEJnxqnmaAWqJ9u"
    "9/pDfBpCK8ucYiRzhAuPevt7AS2BElMHU+7yiCFWmtDGY583rO/DXhkpesY8iTO618ON62"
    "6U148kPhLL9SjdrMM0JFN8PUmDmSAR6jB9ne4aMyQDhpPkB0nz3tZAZ/2mIGf1oxg9uSrE"
    "c1Ht7rYfbv/w8sSGZR"
)
