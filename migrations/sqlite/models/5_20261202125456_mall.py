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
        DROP TABLE IF EXISTS "mall_redemptions";
        DROP TABLE IF EXISTS "mall_addresses";
        DROP TABLE IF EXISTS "mall_rewards";
        DROP TABLE IF EXISTS "mall_stock_adjustments";
        DROP TABLE IF EXISTS "mall_codes";"""


MODELS_STATE = (
    "eJztfWtz3LiZ9V9B6Yul2rYjy5dxNLupkhVn4621PWUr7+zuzBQFkehuRCTBgKCkrkz++w"
    "uAl+ZdBN0XNPXkw0QmcUj2we25459HAfOIH7+48P6exCIgofhK/pGQWBydo38ehTgg8o/u"
    "RjN0hKNo3URdEPjG1yhcNHd42l7fxzex4NhVb5hjPybykkdil9NIUBYq4AUKcJhgH62fgP"
    "ANuyMIyzv8lgjCn8XIpwEV8QzdYypouEBzxhEOJSigobztEZfG8okv1Es95sq3ylZbeP6v"
    "4a9hLLAg5ygioaea/o4kLVw+0ZN/cvJ34grivUAX+qJqIG/7lMSICiSWnCWLpfx/gnziLQ"
    "hHSejJ/6oLt2T1a3itX/k8/drzf6ceCSImSOiuHHn/T9foWDVd/5j4GWL3IVK9F0fYJScz"
    "REP9uFheQpL9MJYdIL8d4Vhdz74fuUscLmSHxEx9GI2zz/QQeZDt/RVioUvQ/VK2vcs+ME"
    "yCG/knmyNX3kw412Tq3yk7V3OfhFT2viPYgkgElz3wyy9HAVE4h3qqRe0XHf32m7ooSXgg"
    "cdpcf1/aNL0b3TpzSnyvMk7Tp+nrjlhF+tp7uvgYir/otmog3Dgu85MgXLePVmLJwgJAQz"
    "2uFyQkXL5UvUHwRA3TMPH9bHDnIzf9besm6UeXMB6Z48RXg12h0w9YXztynM9frpxvH64c"
    "56gxEXJEaexmlyTXahLJT401AQv1Cc//eHb26tUPZ6ev3r578/qHH968O30n2+rvbd764V"
    "/px6zZSh+lOfv4nx8/X6kPYnKmprNZXfiXxmCBU5Tum9IqUe7S4Z1QgT3eFznzfZ2RX1j3"
    "xnqlmVh3rOnHAUtSuqrcdxK/BkyJ9bOXr394/e7V29cF2cWVPo6bfHKCY/kFDT4vl5i3E7"
    "pG1AiVn3mIhAb4wfFJuBBLxeLpaQ99/+/i6+VfL74ey1Yn1YH6Obt1lt6rclxf+A3IboFO"
    "kPWXg1h/2cP6yybr5CGinMQOblkt/iyZEjQg7aRXkTW+vQz6Iv9jAPvZLmkL+T1cX3389O"
    "Hb1cWnn9Tjgzj+h6/purj6oO6c6aur2tXjt7VuKR6Cfv549Vek/on+78vnD5pNFosF129c"
    "t7v6vyP1TTgRzAnZvYO9Mif55fxSpZcLkWnojCoAu5tHR5nAfNToz/KNzUykQfOoZxrVZ1"
    "Gm0xDPuTFauOq4Ca5ar4eQ/bqb7NcNspWy5RlTXUWNItqyBWoXPCulVq4qZotHAzg9trci"
    "AeVD1HwvriJhL7Z5Lyah4CtjzbiMGqWiWdaj+9GLXamWiVEzrIrcwAyzbdc+9CmmDIHz25"
    "IxSl24we7tPeae07jDzlhX2+at4CyoX8EhXuhOUmyq78zt4uoRl8qYoq2bTbt5+f6s12Su"
    "P8ZNmw60lv9EOEptaOgB8cQn8v8iwinz0PEz7/x/5f+ef/r0/M9/foa+KfvuElPk4dUMMY"
    "6e+XROnp2gJMbK7qss3C6O4qbJfFsvedw2rF6Wr4H6hQ3rMJiDwRxs8yq7n22vNG+Gk1+e"
    "bED9WOqzdarBfLf2tEZM0Brw8u0Q00tddiiZXt7WlSbX0NPh7t7RcVqn9vS7R/HGPBsR00"
    "8ezt8a8HQJtETWvMRBhOkibJMzi3u9MqabtRooXn5KpT4pzKE/5CJgwEKxRIHsF6riA3iM"
    "jm9wTGOUDhQ55d+cnp6i/0AvX7x5OHmBvtwR7kuR71yHDCzpYklige5p2CJp7uB9LUIniJ"
    "T2bKTdIqX+f4NtNW8/wU317esBm+rb152bqrpV3RXW08u5iQw2hwZuSpLjBqMJ0uAo12gA"
    "V1ETHMYvz4bIhmfdsuFZfRjHAnMxxrddAYI53TZbX9Wc7o2KXljDoH9t7l8p/Dls7mixz2"
    "AnqsMm5DPZ2D5kyimQ2UPmPSG3ctAZ0FlCAKFNQskdabVM/Ne3L5871vQCUV/SqSvQ78in"
    "8QHy2kOaoqKyjufC0PGni/+py0mX//3lfX2BVg94X+NdKOndl1z6RuTXYNAD43tA5WPcte"
    "gG7xnzCQ47IrgLUI36G4nalm6Qmx3KpBemiE1z/f7Ll/+ucP3+Y81q8Plvn95/kDqCJl42"
    "oqLDKg9xAN3LuPyB3pfQX2VdeSCyZDbqbA0LuFwS95a2W2qzW7NeQ23aaJidtruvH3exK4"
    "EEnOoHYQEFp/pePbutwr7aPDoV0sd2jAOkvodFteI37HFyc7k1UJHWgCkN1M0p8PiWJC32"
    "+V5BcQ3aoaBYXCmzarp7gaho13A+ENHQ9pDRSxYEskvF6qOK9EyT8VsFxbZ2/VJjjnDoGj"
    "LQ1/8lJKiEQpxEjMuhiW5WCKOYJdyVqHQoqvBPdJxf42R+8gKpDLIkPkc6jFXXPnDlh+o/"
    "Qiaf/ftRbYxt/42/hnlNhmM3iQUL5DNCJlSlhzS2YEXEiWydZjZ66Fjd5GRBY/lR8t/3VC"
    "yz4gn3csqx+5PuuNX00/K4VTIHodomKa5bqK702/BOqMCmJKvsOlJVzpQG8X0+8XkL4dNw"
    "hr8b5A1/1+MOf1f3h9/Kn2ZCb95+gvy+GhJs8Ko72OBVI9iAPMhdIsS+k8SEt60f3Ty3QL"
    "eUMrnTBX3bQUr7sn9YRvNeFuoFZ0nUyn33MC9jppcSvPkBngq0JgyvERNcsjcfHyb1R/W9"
    "DYK7vZxrBDg4xzs4matDGccYVWpQsKqAVeURq8o3rZod9RlUsiazYbaUVNcbXL9SinR3hD"
    "8X7Hn6F3Kx76dlEq9/+vLtCv2hePQf7l7+oWypyao56n0T3TAxQxgVjZFgzD9pq2i55Teq"
    "GpdXqoAkcTkRKFb5Iyiv6omO//rp4vL5t79enL15e1IqH3lLIvEjSotTBjREFz99RPGS3e"
    "u6l6qWpHyVQNpmmhfqhNwMq4VByM3Yj1Sop52RVFggJkjwVgwlEIEFbjUQAA9dAAyFnJJ/"
    "Yb6vP65F/Cs36BX+7okUguQY1ABnrhEDBcDL3NP078//hBYJ9cg5ul8yKQUpH5X8K5gVZb"
    "/vl9Rd6srbIfHR8bWuwngtpSgcqqZaClLiUiyo76MlkzQ05b9tvzAvca5dbXrJk3rvEvtz"
    "dJy9gsopmQgkJU86p66W52ba0baS4mKQiAT7J7oWeqCqojs3UqQWeD5XDrrStdxF9wIpx2"
    "DEaYD5Kv1B2vtXuPBwwMJFKlmmn8NCEr9A1zoc3FGLwLUSQHVt80u9eFzJa0oa1mXWcSyQ"
    "bppXONdCKw6R/LXy6emtiDMp8sfy1/nr4uix+lFLSXu3G7DFspv9Bf7AgxBlLbDq27Y/bV"
    "vANWd6+wRPyW+iF1tzD3cJNaF0pR27TXZciNk2zsFhskuCz4bVqO0pUduo0R87mSBmqBtX"
    "gRB4OkBD1sL0CP24jAPt2DrtuOp/TLUd806uIqGCgc29vNZDzSSuKu6gq63tQMqyy+p0hR"
    "dH3SYndXc23N4k8GKwt9FlPEISgHBuKkmUe0258XJ7SovHcCDK0MShf9HCAWOHTfNkBsYO"
    "o455gsaOSRGcrUAGBK8RYE1q59eavZZHnRttemvQLssjgy1WRb4oyLO42Bufq53TlYuqzx"
    "YJQcc43UpDD1ERp7E0JzMdAKPOXo1XoatSmlIfglMsnBLT3Jq3/jaIsTnQvXr/69p+O2HL"
    "2waEMG2R3L0kDzyBfbnJsekwrqJgMA8gmnEvPcpn+E5YQMCo89gGWD4dzyeKkybTfY6HEg"
    "q8DgO8DknkjYzLqyLB82CdTdoarS2Jugpc6Duz/jQM1caghkUKWNd4SIPYEI1jqfbckhU6"
    "jvAqUDFexWFmggSRDvN6QOEJUvVyYt1eVY4ojhoXTWVt+697XFurlXNLwwd+Ax3OSh3Ole"
    "PbRDrL209OfzsbIpWddUtlZw2prJhwJvxWQJMjeSuZEvniZRxPVgNuSxKe6qJiQRkE2+Sz"
    "PR3wl27nxvxXcVCHYmzBoH0cbWlZsMx+mAcL6RaNSlCpaYtHhuJAnQHqsPncmZOwSXPnut"
    "EETmj52NyRooS7JKPJ6PS4JhDobSv6++B4NNbn2BqO3zYoUNxCMQ2dWNUKNeW3jjto+/7G"
    "6LzDPpWUcBaY2pSrSLApW2dTbnazXFqoP66fCyh0tNUdveMktlFdmdry8k9pv74R6XRIjt"
    "XL7hyrly05VuoDRzjgKkCYQlZPoSQe52ONIefncPo3L2xhbJ9qQ09ITt+xoUqzqUNuZHeZ"
    "bFsNIORgD0poyEkzU56awAkN+Y3pUiM1f9D6H6eWkzt2OzIbt4yEndnmnTntK4cTHLOWGd"
    "R31kQNCLvB47vB/UOElRzD3FvDeO8mEvgeyjdLhJMV5DUUebrw0+N+K9EwKX1pDOCo8V6B"
    "To/07S0wpoV/6rjpcb15y1TKGeGcteQ7PEZ1AZse02dv3gwJX3zzpjt+Ud2zKK9WLUI/yW"
    "dhLWJ3BGrnDWaPx2s7Udp2YNz2N3InB4NfREan8dDEQ3ng8zmi8l6M/gP98s9SIOEM/SPB"
    "oaBi9a/fmuHZG3sq5MxabfmBuvR72Yn13Gmy232WTgH4rqN0bKO5h9atnKUDpeqhVP3+1h"
    "T5A70vob/KuvJADEXZqOv34EAi5MR6vcU8qL/eKqn7a+L3iNz67hB5W0W4DxS2f14Sla+Y"
    "pyUSzMNY/1tL7OcooCENkkBeUKLwnPJYoCjh7hLHqtS+v5ohQQmPZ8jFgWy0CLPTsZsS+H"
    "ZfBWI5iOUHuJhuWSzPJteI/KQyDhLExufnUWX+oGNiicswCCVWV/Se4OR7gqP2BEPVp+MJ"
    "UBxkgCakNl+5Vt1lQsdQRb8Gg5Nzx2v7scBcxCOUkgoQIhTsUUGamicJvTE9XIJB/9rcv2"
    "CxA4sd2G7MJhZY7J5irx+Exe4q8xQfdVrtihazAZa7wjs91HqHhT6jXZcdozG6Z1wsZ2jJ"
    "7pGvzsVMT1/XCXa6SLS6IX/RSv5nhW5I5gNvs9Vt7sFgmbPaVgGWub1Y5sqfZcBxDQbhVJ"
    "3hVFBQBQqqTCExBQqqQEGVA6cYCqpsvKAKFUa1TcuYCW5qQ5I5ulM5GokcFpWssWxpOFzT"
    "QdNiZFXFGujnLfezh1ctbsvOvacKgl297TB7lZwpmMAt06eT1xoKiG0Sm1Xy0WKlAbN1GA"
    "hL6/FmlowJacdmpqyUL+08Y9wJ3OUYuhvw6TH/6mwA86/OOplXtyD9A5zJtgzuw3QrgjP5"
    "Kfa67c7k7Hjf/1QnMB61+ZIrDWaPH2ysz3Ic6Ea+KI4XTk8QVucFixcorY9wjtINA/2OPB"
    "oHUsxscxiPewS4hg/UNax611CqLkEmd7jSgZ9AbLXUvJVSPexeEuIkMeFmg7iOmx7d21AP"
    "TcvzfGdhnlEiU0ktqpJcur6Z4TxoNPcM5jq/2Vled4THhsEkTSSM58fHM6iEndQfrjIAOu"
    "AT6mZLlL4PmIeS5q6k//LtWZ/CR9KGJmn/XyI13hh/Lnt2ThcJJ975OoY3YqqnEQ4RuStS"
    "9WfonoolcnEk/1RRGeqEYvkYytII4DzEoOVk5C2/DLTIQ9Ui4QTkVEh5PUTFed2t4bxuKD"
    "gQu71FCVAvVCbsFoBt0TuloZtuCPJ5D6Rlde4Od63BwP9dYkVunc4qwSbRly1IoFRdWXB2"
    "L5bG47MOAzJLrIwYny1IoFRdYaFLNC2peadFwO2LDmhBQ3WUAYECHqb+Ko2+cqTaYjCQW5"
    "AQFtdFcLYrjWG4CgWKWyr8qLDMcRS3QYHitmwubcswDUeuw2CnU1cOJxNG1edx2NwJyYNw"
    "VgTzpp+ptcVGMmqH6L9n3frvWUP/zTkcFVRfxsEK0RaxzAm+dW5YmMTEqNJaEwnF1sYXW2"
    "P6C406oAQB5qGovb3KChQSnKZjEwoJPp3+hTCUbpHsMGPUITPhKfa65ZkJHx4iyldfSaB6"
    "lR+1xalUW8x6Q1V0W4dnjYdGq4QEcXavAkDQTeLeEoEeUP4MlWOgjo+gYUy4oEVtOrEkCA"
    "sWUBe5PqbBDMUMEewu1c1YRZooU3dLtMqWX9YSrfLLUfqiLDxevyPVkX+DQJZDCGSpdN/w"
    "TqjA4JAFw+5oRECb0l+BAf2j6S+tVw3+ewpBlEFTYn9jlsC0Pp4Bp2sA8Nk+Tg8gEWV3iV"
    "UbPyLa+HBoOBbarI4p6Pyd7B+utmdXTsKDIDzE/iULRaqTteh71Sazx5PR3bSpeTo6DdHP"
    "5JIFP6LrQlq71roU8ml4q47vXnKWLJZaA5NjkYW0Pzt9/BMhzcBqebRbOyPZgB2R79sCnV"
    "zywebj47NZY0J0CbIlWWBKBO9N4bWM5r2ou1CaAXKrQcCF3GroZov1GF0n61OawtCiw5Rv"
    "D9BfdEmrLCPCwGeVAhCbI5xWxTpXZyrlmsjxtTpm5BrlMuYJYtq/NJ8Xt/S/TlrKaPlkLt"
    "pdVzt4Z6sHq1TeKZOVwXdlkfhidymviUs15nrnptXNaatDcLzTtk7CAJfJNtn9O1Mn3LiS"
    "EQMnXxUEGRRNBV0xNEq5qABBt7BOtyh3spJGR3RxCQbhzTb3ry6Z4uT9MFw5qOIOOk9yB4"
    "qBJdr6J+z7F54nh0/60TVtvXx71qetB7KhGmSq5dBSaBeZyvwsRvJ5UtXlK5Q9As2ldryg"
    "cxG3uRSHwsBvaPEEmPVoxjaHFU61N6CCWYvasfmDYyJJkRG7BWCC9J4NCYQ76w6EO2sEwn"
    "GyMCzFvEZMkOBtnJ4ucNuxjX0Hp+eICRK8lRr5NC4+u7n/9aViV4FQPQqOmXqCaX1dyZwW"
    "aVyXqpxuh7p1mZXafUTXUhV5DRyiqnnqmryjXCTYR5yo3yKVqCTyGfaIhyK5QPwo1Sepxy"
    "PBEHmQT/VXiKm0POKRQD+w3fe52ce3ujnTB2bCva5HXHdz1tqsH+rkPlFQ9axT9SpdNrwT"
    "KrAp5dzsWNfbbyHwfVO+ZVm5ugIZju8adCPupiez3oB8B/LdHuW7r8Xs7ZLySi0el/XWi4"
    "FJ2YYCdI6oiPPTPo4x8om3UAUVVGnLk5m+6eJ4iRhXdRaolOLC1Uwf9qFuzRN/Tv2AhB1h"
    "b1t6T6sMWDHwUvle55asWuTASruKqOBh2X6GftHREnrSLpkc7UkoqA8yoqUyIrgD9rmD2i"
    "yhT5/9YpUzENLLGBDUBwnq8mfGwlnK7cnMd1DFAdkQM7rfI0mzVdfUhVuDTZDqzY/jVNBt"
    "svzIuT5TM1htLHhU6QbOnJicRFOGHHTA2QZJDCJMF0Ye8DJmeqmymw/hUDpkg15lS+rwf+"
    "M2QaxiQDrA2d9DqjIAtWQzGG1IBWCCW9HLt0N2/br1rLTrv62PyLXtxITjKmp6M3/z0hVL"
    "hCNf5xEnZCZM13Eb4dqiQiZbCJPjJMIrw+zICmh643nzIqx8VRirNOMOD1U31U3k9Pje/K"
    "gu2ZpbBYhuZ1QVCQk0NifQSGF6jL+xBIP+tbl/fcm6IzeadnmrN0CzDoUQzQEhmpzMk9Az"
    "FLkqoOntTduwgWvCjDW1Om56XG9ej8DrlLoqzd0nnJUgcMLZ+BPOYp+ZnxZQAk0o63/nkY"
    "ZJpJUFo2FfRcHIHz/ydxrpaRnXWy+eiDmnbQe+9xndC8j0GN685qwC3m7VOcxmUmANNj2m"
    "Nz+W4yWNolEBs1Uk6LA267BZ5YRR/VzHQk/b3NMuCyKfjAyBr2Ghp63uaRy6xPfH9XQNCz"
    "1tf087nODYrNhBAwgSEZRGh0ml3wWl0SfbzValhqnnHHWmhem7swEpYarhwHSwn5dYIJwX"
    "KJd7AFoQoWulZcla67/+TadoNTO9xj0CCrBZbZztzriCEmBbLaG0/iwDjmuw6UluWzm4kQ"
    "bqtNuEG5WsqoCA6GEnZEoyFowbJaqVMTsrt3901CDZYsM3ZEtt0Q8PKTxa2IAUHptSeAIq"
    "KWj1JnZnupcgQGK63jH31oDBov2EAjw2RqYq8UEC4km+kraQx94qRlUgjE51xacBFU5EuN"
    "OaS9bJZwMHo7WP3O5kyAEM92RFAs0FUz6dF0ZNI4rLQKAXEnn3kshL48jHK2fOWWBq869j"
    "wWFqm9G/radH5V41wNDXNvd1KnSOmtQ1KPTzAfTzqCldx0JP29zTMeMmWmfeHHRNdWVOsE"
    "jkeG9xp/ZlKpZhkKU4IEsxJ8yRTGWVJ1uV+0GsNx8CfTDkMI80W0iQINKZtqZBBO34Camn"
    "+8n5irB7qxyqI7ujCofeGNsbqlzHXduhnn0r0hq0wxUo99mWqS/8uDavPxAp2jnkp1VsHg"
    "JHp9zrLVqJ/nqL4ki/+UwcdUSR6nuzR2NIVVr74KN65XJ/q9BIjcT0qKeY8Dvqkuyopxm6"
    "p2KZVfmXWzYVq7aze0c/B2JJrRYzDvOEp6n2RqXyJhfxmGzeMnCCW9PhbkVNCSRfKA2MZG"
    "UIxLK1TByBb40C2Yr2T9fsaJN4pOK5Lry/J7HQtda6JKVaswFCk0LIuZlDhgpQiUeFEnfI"
    "HeErJL9dHZKpH4bcJQ4XBB2rk5D0QZrpkZnxSSYK3S+ZPiXpftkmUW3wwSBiWb2pg4hlU2"
    "9UamkIbLBTFO1h3+2K3HXwXBhFQNdQEzISbzCK17RawHeWCbBupNaySd4NSid515NP8q5R"
    "ID5ShDCjSmBlzAR5hnoMoNQeXKK+dr0ftSkN6Z1+PUG3GWxZVV2YBITP0C1ZEQ/dSCmehv"
    "R5xNmC4wDJ9SGk3gv0HvuqekuMMCfIIyHjUiGhsUSoeDUkJfbsxNUZiuVHo1KJ/jZD7K5e"
    "C0qF1WJst1KRDgDDnSz8jsMgLOuELe9i8lcyQ35LkC2F90+J4EgSZFTEogBA7sTjuROarD"
    "SvzyznvwGcHttDFItutaKhVITUvTUuyFLCTI/gzS8WNLyjQg1LsyLZNdjktr3NH1WXMuY5"
    "N+2He/WKd3XohKw8OzZZ3qRCvYGBrYR4ug6uygZIQk+9bziFJQRQqK4sOLsXLQeudzK4Bg"
    "CB6oqq+SEX6zvSkgDV7aiugIBIdcVdEnVOgCPfQbBJ3ZAmEAhVV3wcCycnx/DA5Dbsd56e"
    "bNmm30Nly+HJYO/uHraHGV8MUeVPsdctjyr/kogb9vCJxDHWm0HD91FtMOtzgTDd1AnSts"
    "NcId3d/7gL4Rd9YHyiXxSSByHHvkriU/9/9Bv4F6z0L0Bly3VB1iH2rLNue9ZZS41hL4mI"
    "c0uMbLNV1PSsWdsI+cjStE3XkgoMDFljDVkRXqmQ1ib33UdKliDfdZ6kbUtKD5fbOUq12H"
    "GHLi9rxO7W8LLVrcp6+cZGVpfTIYvLaffacto4JjgVYkwKFJchYIlQV+riYIPLfmWqBT5B"
    "jepwNaim4qzNR4RzsyjMKmp6LtPt1PwHy9RTmFFgippsN1tie/oJr7rS9PJbsz57U5Q2Gh"
    "xzGyeuS+J4nvgog6Ljq68Xn79dXF59/PL5xbe/XV5++PbtZCaVgfCWeEiw9elXNysd9SqB"
    "8h9ZmOxRbbRs6x1DTGEV1VIutB7NpiBYwuy0hJVCplvtCL3nm9eQkzPabD50kSXCka/ziO"
    "Fh8nXczk4sOuC4usBdmo3oAjBBM+/mh7LcEc3oLQBA75CVYu8pEDatDk/NfD5VQaQieMjd"
    "TPNmJnSUUDs05TZtuJsb2xsPdBZMYN/wMLQKBqoDtPt75LQfw20LEhhuC4VMOCeha3aOZw"
    "mzw/Xg8vP/NpeE/KKFiTyZRcBpPzDpkXJsNSzY0qyzpdVcd9htCW3vkcwLBDgfBjkf9hX8"
    "bhvTGy8TM0/kL/EMt9c6DJzPR+dV66vhgl+Dwgk1Ni/34Ah9Et0MjtDJdrNdjtCvejc96n"
    "aHZg1mA5yiTro1j/GNpkh0/PXDX/72+c8lj6VkPKY3/kq2cBn3VPkgMmec6LLt2Xsf8Yl+"
    "/7OhspDVZsa+cqWq6w1dnRXQ5Lycm/e8KW9lxpm5m7MCBLIfJds+D75NjqOn58Lfo61l84"
    "M7WwzG2APA0n70mC9jFLttUOC4zcMJXjjwwh0gw5a5isB0uDWbUuTjMCSmxzOXUHAy8ICT"
    "OSNGQ6NEujUAnET7r9w1cTpxFPl0lF25ioSV3uaVHpxEk+1mW7wHatN6n7i3pD2VqnR71u"
    "s5UA2dG91yoN/gA+ZSHkHptpkeLyaWhHLE7kNEHiLKVz+iWOXcx8jj+B7FjIUkFs/1PTk2"
    "0JzyWLxA1x65EddoyeQPRq6P758rbmJ0Q3x2j06bXoWdvtk4/0rVPCBHss0v2Z/ymn4x0W"
    "drVm9wIiW+mBQ3iKqRrR4EmVt2ejL2Fr1u2wK+n/j1Yn4YsV9GTUga3f3BwsIobaAATNDo"
    "vuFAYRpSQbFJXGMJMaX1ZINRjYF8tlm97goGWG1bf7UgI/WSQB3nYUBtEwjxomtexhzXXk"
    "WCIcA2DbG6GBVivmEvV5HQyzb3cjojHZ4YnblaRU0vFeT1kCp5r7ur5L1uVMkDs9pkp5NN"
    "ZrUP+ryyLqvah/w0s8eMakr5pAMrYh99DIJE47MjNlWlIPICXVOPBKpK7zWiMUoHG4rk7d"
    "SucK5LB7GQINUuYkKlZsp77hKHNA7QnPHMWtY0pu3kjS1GtJrVLH9davjqtq4p05i2oLGE"
    "u5mZrTSrwWwGZjOrF+j9mG6w67braz3ZqWvIDhO88R2m6RMa/FdvWVq/11Qt3oc6fEDmBj"
    "gxYIuDldwRsyWhAExQSRliz33dbdB93Sz9kAooBvSuEdPj949Dqu38sbvazh8b1XZ44hNj"
    "eaIEAj/QWGGiENUNxnYZM8XFeRuF0rIDWB08F6SlsnnnIG/gQLSwIKBxcp4LZclo2d+6j2"
    "EpAN91CItlS3APZVs5gwVsn2O6AmyfhrbP+H3iLXpiCvP7s0ftn7Fzo5sOrUYQhgn289i+"
    "FIqOMVKResgl1Jcj4OQFUm871xUFYiLXjrmPFy3VB77vWVBtwGqBtNvYuCLYRF7Km29mW7"
    "eB/43t8emccbpyafqGdAM6JSl0xxqXXNRDR7JEmXMTGYzsBm53ffDu9LQhvObX7Bjbatk3"
    "UWHz9ju0hqd7UtMUXrpuSSyjJbLLNxX0f+H7zMUZJQ3xpd6kV4LRSQQOLloPFGJ+XlJ3ib"
    "JsCoTTXATkcXKP5pwFMxSrg184uSM8xqowUiyY/A8iD/KxvjoIhklRJMcfM04XNJQN09yG"
    "k6aks4sXgjhk9W7RLQ7tKWZ+wJI31b4oC1BqShmTX4GB4DTe7w3+2O+WmWzZ2gWez/8W64"
    "2nuakXN/u3c9XMkaITH7iRf1PbJFokVF6foQBzOSslGGG5u2IvoGF8rgKgQkEFldupinr6"
    "mVyyAOk36WYqTkr1CvNJc9/ewvNhm7Z6berepvX/G+gjefsJutO2UNGM+Ubk5u0nSO7mD7"
    "65Jy4L9LJqVgmxjttI2MOkq06qspF3LQO5t3LQGrTDwkE562WSi56wuGyQVoyN5fUyCs4m"
    "GymsC3ZLwti5wz71uoIe+l2c7U+ApCnbPJ3g0B42DeUP9L6E/iobgQfS7dlksdW/rXWuo1"
    "YlUt2Y9SuQymw60JONouUqpi72kYadZ3qeri4TLtTh3ywkPyKB49tY/pcr73Rml1WKHScL"
    "ZXH+EeHiNHH1wbGuiq/btdXb38k7Qce0ekvt1jFdQ5+Xu1Gfl0Wi+eYLlIP6vtWC5IvMVz"
    "dYgS8QUF3/8cELeuW29UoQc0HM3amYe0XbXSX6eq+Qq07MHCjjftL5ufGSRkgfsSkFSOwu"
    "1QFOK5TGyyOpjCcEHYcq9kDHJYiTHxHBPMwqNyrJMpDjiaqytrwp0m7nFSDBHqgEa3r86/"
    "ed/GplD2wsAg5E1i2KVOna5Iil3E1UgVmDMdsGhXCEthDOYlE3i4tt4HbH7svTlsDY4uKT"
    "j/JQ0olcgMJFq4WudPdRCcZxdcNhgkw31SAoHKigYHPFman2xpp9FXXsmMpqVRDseK0+Um"
    "NWyxDgtLVSMI5NjYs5AkThAaIw2L46qT8QW5ftOcs/EzlZxU949ZkJOqfd2T/tDXuFyXtV"
    "1FBEeCV/+Boz9JCUO8JXSP5HAomHyk+YIRa6aU3F8mVEPXSsKucnsUpKdgm9I94MRZypI/"
    "7Un3QRMk68ljSgrb8NpGGr5a+e4OJSnxueV90CnZw7ePMeS10rLWXIgOsqaoLCxeaLQcsN"
    "TNdNM+a6AdxhYu9Rg2yrGZ6b8TofzaZlYbBbj2roKhLYXUSpjIE6SuPrKKUyj8m4XiN2Wg"
    "EgFcmaC0blzmZq2A3JC+nW+1429D4pSlMljBKTY3iroB0a5usMv/xumW9jFgofx8IhnLOW"
    "iPjuAVtFTa+m6NmbNwNGrGzVOWT1PbBVPBFbReV08FzBHdHRdSzkl9jW09ZYpVwWfNBFs1"
    "tNUcXd2SP2JxY4WjMcnHmQm4BmyCMuX0Vy4CEX+776XTNl52HcUyFUZK7yz6lQZ3zIW5JD"
    "fQiIp5MBinGuQq0wumf8ti1Aa6tv+zX8NbxOteL8LBJPvk3KPbqwTZ79LlSmwrFuN0Op4x"
    "epcTvTDainEhjkJ3ElVszQpV6pr+TUPDlP8+mfxb+GnOhzWvTHeEnkK5OH/Kec9z711Fkn"
    "8hnyF0rpmoZS0E47BKVBZx57gb5lVjRVekedMfz8T/lvyv7lqeNSfv81zCxq6DgJFQchyr"
    "77lkRCp/inmf8nqhYhpr5qucB3BCUR0jltKCNEbYZYCBJEIr4eap/7pSTHhuRB5E+Aw1Ps"
    "Nd4V49/clLTRktsWGexevh10HMLbnvMQ3u77QATb5Lttn4iQrsvGdroaDKgeQHWEVz7DLY"
    "t2t2GpBPkuu5JtVINhqdWwlEkpTbtS+YadZqVc5jEwKpUhUL1fXanLfg0u+3XgFjhYPKzT"
    "g8GG+NjqtBUbYm6aH3XccwUKc8rqOQVWxCn3tCVWxAvCqbs8arEgZndmfdZDvG5jTRLEUz"
    "Ebfaew1m0QUmW8DeshlCAT1KC3so2rSWXAcNZ8guy+PB129mjf4aMNY1tmtTcxUZQgYKIw"
    "NFHsdTP71/8HZxKERg=="
)
