from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "content_articles" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "edition_id" BIGINT NOT NULL,
    "idx" INT NOT NULL,
    "role" VARCHAR(16) NOT NULL,
    "title" VARCHAR(64) NOT NULL,
    "author" VARCHAR(16) NOT NULL,
    "digest" VARCHAR(128) NOT NULL,
    "content" TEXT NOT NULL,
    "cover_image_id" BIGINT NOT NULL,
    "source_url" VARCHAR(1024) NOT NULL,
    "need_open_comment" BOOL NOT NULL,
    "only_fans_can_comment" BOOL NOT NULL,
    CONSTRAINT "uid_content_art_edition_342554" UNIQUE ("edition_id", "idx")
);
COMMENT ON TABLE "content_articles" IS 'One article of an edition, in slot `idx` (0 = headline position) with its planned `role`';
        CREATE TABLE IF NOT EXISTS "content_editions" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "plan_id" BIGINT,
    "title" VARCHAR(64) NOT NULL,
    "mode" VARCHAR(8) NOT NULL,
    "tag_id" BIGINT,
    "status" VARCHAR(12) NOT NULL DEFAULT 'draft',
    "stage" VARCHAR(12) NOT NULL DEFAULT 'none',
    "scheduled_at" TIMESTAMPTZ,
    "next_attempt_at" TIMESTAMPTZ,
    "attempts" INT NOT NULL DEFAULT 0,
    "media_id" VARCHAR(128),
    "publish_id" VARCHAR(64),
    "msg_id" BIGINT,
    "msg_data_id" BIGINT,
    "article_id" VARCHAR(128),
    "article_urls" JSONB,
    "wx_status" VARCHAR(32),
    "total_count" INT,
    "filter_count" INT,
    "sent_count" INT,
    "error_count" INT,
    "errcode" INT,
    "last_error" VARCHAR(255),
    "published_at" TIMESTAMPTZ,
    "created_by" BIGINT,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_content_edi_plan_id_04854a" ON "content_editions" ("plan_id");
CREATE INDEX IF NOT EXISTS "idx_content_edi_publish_f1f2f9" ON "content_editions" ("publish_id");
CREATE INDEX IF NOT EXISTS "idx_content_edi_msg_id_e02e7d" ON "content_editions" ("msg_id");
CREATE INDEX IF NOT EXISTS "idx_content_edi_status_90ad74" ON "content_editions" ("status", "next_attempt_at");
CREATE INDEX IF NOT EXISTS "idx_content_edi_schedul_e6933e" ON "content_editions" ("scheduled_at");
COMMENT ON TABLE "content_editions" IS 'One edition (期): up to 8 articles published one way (`mode`: publish = draft/add + freepublish/submit;';
        CREATE TABLE IF NOT EXISTS "content_images" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "purpose" VARCHAR(8) NOT NULL,
    "filename" VARCHAR(128) NOT NULL,
    "source_url" VARCHAR(1024),
    "wx_url" VARCHAR(1024) NOT NULL,
    "media_id" VARCHAR(128),
    "created_at" TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_content_ima_source__1230d5" ON "content_images" ("source_url");
COMMENT ON TABLE "content_images" IS 'An image uploaded through the official account: `purpose` inline (media/uploadimg -> `wx_url`, used in';
        CREATE TABLE IF NOT EXISTS "content_notifications" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "kind" VARCHAR(32) NOT NULL,
    "subject" VARCHAR(64) NOT NULL,
    "edition_id" BIGINT,
    "message" VARCHAR(512) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "read_at" TIMESTAMPTZ,
    CONSTRAINT "uid_content_not_kind_07c4e0" UNIQUE ("kind", "subject")
);
COMMENT ON TABLE "content_notifications" IS 'Something a marketer must see (an edition failed: quota, a permanent error, attempts exhausted), listed';
        CREATE TABLE IF NOT EXISTS "content_plans" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "name" VARCHAR(64) NOT NULL,
    "goal" VARCHAR(255) NOT NULL,
    "goal_metric" VARCHAR(24) NOT NULL,
    "goal_target" BIGINT NOT NULL,
    "plan" TEXT NOT NULL,
    "reach_channels" JSONB NOT NULL,
    "warmup_on" DATE NOT NULL,
    "formal_on" DATE NOT NULL,
    "closing_on" DATE NOT NULL,
    "ends_on" DATE NOT NULL,
    "campaign_ids" JSONB NOT NULL,
    "reminder_waves" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL
);
COMMENT ON TABLE "content_plans" IS 'A month''s campaign plan (the seed''s implementation table as one object): a goal with a measurable';
        CREATE TABLE IF NOT EXISTS "content_quota_slots" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "period" VARCHAR(24) NOT NULL,
    "slot" INT NOT NULL,
    "edition_id" BIGINT NOT NULL UNIQUE,
    CONSTRAINT "uid_content_quo_period_020c84" UNIQUE ("period", "slot")
);
COMMENT ON TABLE "content_quota_slots" IS 'One of the account''s mass sends in a quota period (`day:YYYY-MM-DD` for a subscription account,';"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "content_images";
        DROP TABLE IF EXISTS "content_notifications";
        DROP TABLE IF EXISTS "content_quota_slots";
        DROP TABLE IF EXISTS "content_plans";
        DROP TABLE IF EXISTS "content_articles";
        DROP TABLE IF EXISTS "content_editions";"""


MODELS_STATE = (
    "eJztfWtz27a29l/B6EvsObKTOJd2O92dcdzs3Zxpkr6Je3r2qTsUREISapJQAdCyZnf/9x"
    "cLvIgULyYUSaZodKaxTeLh5QEIrBvW+vcgYB7xxemF90ckZEBC+Zn8GREhB+fo34MQB0T9"
    "Ut9oiAZ4Pl81gQMSj32Nwllzh8ft9Xk8FpJjF+4wwb4g6pBHhMvpXFIWAvACBTiMsI9WV0"
    "B4zG4JwuoMvyGS8CcC+TSgUgzRAlNJwymaMI5wqEABDdVpj7hUqCuewk095qq7qlY7uP51"
    "eB0KiSU5R3MSetD0L6Ro4eqKnvqVkz+IK4l3ii70QWigTvuUCEQlkjPOoulM/STIJ96UcB"
    "SFnvoXDtyQ5XU40rc8iZ/2/DvqkWDOJAndpaPOfz9CR9B09TLiCWKLEEHviTl2yfEQ0VBf"
    "TqhDSLEfCtUB6tkRFnA8eX7kznA4VR0iGDwYFcljeojcqfb+ErHQJWgxU21vkwcMo2Csfm"
    "UT5KqTEeeaTP2eqnM191FIVe87kk2JQnDVA7/9NggI4BzqQYu1Nxr8/jscVCTcERE3188X"
    "N43Pzm+cCSW+Vxin8dX0cUcu5/rYWzp9H8p/6LYwEMaOy/woCFft50s5Y2EGoKEe11MSEq"
    "5uCneQPIJhGka+nwzudOTG77ZqEj90DuORCY58GOyAjh9gdWzgOB8/XTlf3l05zqD0IaSI"
    "3NhNDimu4SNSjyo0AVN4hJO/nZ29ePHN2bMXr7999fKbb159++xb1VY/b/nUN/+JH2bFVn"
    "wpzdn7f77/eAUPxNSXGn/NcOA/GoMljlG6b3KzRL5L23dCAXZ/X6TMN3VGemDVG6uZpmfd"
    "saIfByyK6SpyX0v8CtAn1s+ev/zm5bcvXr/MyM6ONHFc5pMTLNQTlPi8nGFeTegKsUaoes"
    "xDJDTAd45PwqmcAYvPnjXQ9z8Xny9/vPh8pFodFwfqx+TUWXyuyPH6xG9AdgW0h6w/b8X6"
    "8wbWn5dZJ3dzyolwcMVs8YNiStKAVJNeRK7x7SXQ0/SXFuwnq2RXyG/g+ur9h3dfri4+/A"
    "yXD4T409d0XVy9gzNn+uhy7ejR67VuyS6Cfn1/9SOCP9H/ffr4TrPJhJxyfcdVu6v/G8Az"
    "4UgyJ2QLB3t5TtLD6aFCL2ciU9svKgPs7zsaJALzoNSf+RPb+ZBafUcNn9H6V5ToNMRzxk"
    "YT1zquh7PWyzZkv6wn+2WJbFC2PGOqi6iNiO7YBLUPnkGpVbOK2eRRAvaP7Z1IQOkQNV+L"
    "i0i7Fnd5LSah5EtjzTiP2khF61iPPoxe7Cq1TG70hRWRW/jCurZqH/onBobAyU3OGAUHxt"
    "i9WWDuOaUz7IzVtS2fCs6C9SM4xFPdScAmPGdqF4dLXIIxRVs3y3bz/Plho8lcP4wbN21p"
    "Lf+ZcBTb0NAd4pFP1I854ZR56OiJd/4v9d/Jhw8nP/zwBH0B++4MU+Th5RAxjp74dEKeHK"
    "NIYLD7goXbxXNRNpnv6ib324bhZukcqG9Ysg5bc7A1B3d5ln2YZS/33bQnP/+xWeo3pT6Z"
    "p0rM12tPK0QPrQHPX7cxvazLDjnTy+t1pck19HS4+3d0PFun9tlXj+KteTbmTF+5PX8rwO"
    "MlsCOy5iUO5phOwyo5MzvXKGO6SauW4uWHWOpTwhx6moqAAQvlDAWqXyjEB3CBjsZYUIHi"
    "gaI++VfPnj1Df0fPT1/dHZ+iT7eE+0rkO9chAzM6nREh0YKGFZLmHu5XIXRakbI7C2m9SK"
    "l/GiyrafseLqqvX7ZYVF+/rF1U4VRxVVh9Xs54brA4lHB9khy3GE0QB0e5RgO4iOrhMH5+"
    "1kY2PKuXDc/Wh7GQmMtNfNsFoDWnd83WVzSnextFL6xgtn+73L9K+HPYxNFin8FKtA7rkc"
    "9ka+uQKaeWzAYyF4TcqEFnQGcOYQktE0puSaVl4r+/fPpYM6dniPUpnboS/YV8Kg6Q1wbS"
    "gIrCPJ4KQ0cfLv53XU66/OnT2/UJGi7wdo13CdK7r7j0jchfg9ke2LwHYD/GbYVu8JYxn+"
    "CwJoI7A61RP1aoXekGqdkhT3pmitg2128/ffqpwPXb92tWg4+/fHj7TukImnjViMoaq7yN"
    "A6ifxtULep9Cf5l05YHIksmo62pYwOWMuDe02lKbnBo2GmrjRu3stPV9fb+LHQQS61Q/CA"
    "uodao/qGe3UtiHxaNWIb1vxThA6htYhBm/ZI9Ti8uNgYq0AvRpoG5Pgcc3JKqwzzcKiivQ"
    "HgXF7EieVdPVy4qK3RrOByIadj1k9JIFgepSuXwPkZ7xZvxKQbGqXbPUmCIcuoK09PV/Cg"
    "nKoRAnc8bV0ETjJcJIsIi7ChUPRQj/REfpMU4mx6cIdpBF4hzpMFad+8BVD6p/CZm69l+D"
    "tTG2+zteh2lOhiM3EpIF6hohk5DpIY4tWBJ5rFrHOxs9dAQnOZlSoR5K/b2gcpYkT1ioT4"
    "4tjuvjVuNHS+NWycQK1V2S4uqF6kK/te+EAqxPssq+I1XVl1IivsknPqkgvB/O8G9becO/"
    "bXCHf7vuD79Rr2ZCb9q+h/y+aBNs8KI+2OBFKdiA3KlVIsS+EwnCq+aPep4roDvaMrnXCX"
    "3XQUoPZf/oGM0PMlFPOYvmldzXD/M8pn9bgrc/wGOB1oThFaKHU/b248OU/gjPWyK43su5"
    "QlgH5+YOTubqUMZNjCprUGtVsVaVe6wqX7RqNmgyqCRNhu1sKbGu1zp/pRLpbgk/kewk/g"
    "252PfjNImjnz99uUJPs0s/vX3+NG+pSbI56nUTjZkcIoyyxkgy5h9XZbTc8R0hx+UVJJAk"
    "LicSCdg/gtKsnujoxw8Xlydffrw4e/X6OJc+8obM5RsUJ6cMaIgufn6PxIwtdN5LyCWpbi"
    "WRtpmmiTrt3oxOC4N2b8bDSIX6szOSCjNEDwneiaHERmBZt5oVAA9dAAyl+iT/wXxfP1yF"
    "+Jdv0Cj8LYgSgtQY1ABnohEtBcDL1NP03cn3aBpRj5yjxYwpKQh8VOq3YJil/V7MqDvTmb"
    "dD4qOjkc7COFJSFA6hqZaCQFwSkvo+mjFFQ1n+2/UN0xTn2tWmpzyl986wP0FHyS2o+iQj"
    "iZTkSSfU1fLcUDvalkpcDCIZYf9Y50IPICu6M1YitcSTCTjocsdSF90pAsfgnNMA82X8Qt"
    "r7l7nwcMDCaSxZxo/DQiJO0UiHgzswCYxAANW5zS/15HGljoE0rNOsYyGRbppmONdCKw6R"
    "elt19fjUnDMl8gv1dv4qObqAl5op2uvdgBWW3eQ36w88CFG2A1b9rq1PuxZwzZnePcF98p"
    "voydbcw51D9Wi70p7dJntOxNw1zq3DZJ8En7XLUduQoraUo184iSBmqBsXgTbwtIWGrIXp"
    "DfTjPM5qx53Tjov+x1jbMe/kItJmMOhyL6/0UDOJq4g76Gxre5CyumV1usLTQb3JCc4O29"
    "ubJJ629ja6jM+RAiCcmkoicK+BGy+1p1R4DFuiDE0c+o2mjjV2dOk7GVpjh1HHPEJjR68I"
    "TmYgA4JXCGtNqua3Q2utEpEuuKTxg1aut7kWjWuuG7d1cNzYYJtUggCPAg4R8Wjs8aAhEj"
    "6TaES9uxE6gpykM4I9n4I7gwnd6lh7SxCVAs198MJ4aMSVHj0qLdK7utF1eJQ1/guNOXh+"
    "/kqSqTraoQKRP38hBiv+8SkaJTylPpV8ldwfrz78lNwnUF2W7NkSCPuQVGIJ7p0Fp1LBkW"
    "QazCYT6lIov+vqxMzqIr98/km8gdvcQpQ2XEd9jfpu6p2juc8wOJn0aXSk34dwNUTASxMo"
    "SrBqrRpfh3B5j+MJXFPOomDspKcbtm0lnGa1aO+s6HIgokuh4wyUrALO7tza2LIN30qJ+Y"
    "bBf9c3vreXHpb5Zolhk/Y9FAe3Xy5AUmnGbgboIb3bl7ZxpEjiJvyuEHssNTo40NHr0SkR"
    "RrGfK0T/6N1F5Gci3ZYpviJ3tRVFMkgv5ogm2/u7/70qmN1Lu4Ey0/tPnz7+M22+vkVonf"
    "K8pG8mvpWxfRIp9h2cECcxiLhvMsMUUf2bZZ6dtVkloVlDweiz0koZEuI5bE5CB/bXVE45"
    "jR71SvxDO9Z3PwNt0cHOQn/pTHAoHBdv2gu117A9cU9PdMuG+C42AwzqbYhpi2EbG2JiVT"
    "CwISYIdHQdvf7m+eT4HEVzMJJ9mxr9BJpHY5+KGfEgwBkt8BIdjeAZRufpKfT32OL1FHse"
    "+i804YQkZ56KaBxQ+abSrLine1+HARZirV1ABJQCfQqnngoSetj34d5EretLuBfjaBRb5E"
    "dD5PpU0RuIKfXUHVigbYhg0MsHpevLo5PvkXDVA0e+emj1R/IwkP1p9ZdODjXB1Ieob12L"
    "NHSJr/46RRALPyUjxInLuCfQjC1USx6HkadwjqZMQp4obTzVN9aXjN9Yws2yP4h3rAPL1R"
    "UlXyLYSa5eHlH13AR7YNPVVUcAA0KNomsUKpnTwQoazOGnNoIuZiROQRXQMJIE/cHGyGfs"
    "RsD2SSoRYNCRFxEEkQNDpOYuGHPwtbDJBF5yzny/1gS6Zu38LRcht/Y0A9VUnU451kescb"
    "STxlGw+BuL1jmQzZKyoURtrU27zQCkViATdtP2PSS3jSmk3hBSMoPUec2bJoxav7ndH9Be"
    "BT+ICPaBlnTK+vfqcDfz/WiRzpDc6Z5njAEIk2Vqs6MdZTYvBpYIvqfY3hrWRjN3OZp5XQ"
    "sw7OwKuO3vLvd30lcmJcLzkIMOW99eov4k8shIWM1h+rf5byfOu8QsY0h0EWUTr96vdglz"
    "5WCFscaEDXUDoFCbeDbhPge02tmmPZCYww3nlyLKTuXtMnAlpEXcrAzlOs6mad08Tevizj"
    "G3RxRA/Rvs288bL5nEvqOj3w1k7DVUj+b0rQndE+pLwo2ZXYdZaivMlODkNiW2CLK0VpS8"
    "5pyZD9g1lCW2kli30lfURKpb7S2yhKojkDXP0QPPRDYoovonHJy9etUm486rV/Upd+BcpV"
    "FjI9P6OtaaWrtsak0z246rsis1BUEXcD2arvas3tucxI/iM4vm3obdXETabu5cN3crqPg9"
    "bEsZ1IcUx+eHbQKK9Q6XtkmAwmT7fbZZPk33XLXj/hyN5hFX5EOW5FCnATjSrqenMZwGOm"
    "B2tLgDm9poiCLIgkx1IHQxi9BebnsdpkkQINnAsQ7ajVMBBOoz4+oOEFjspH/oWN8sP8Ao"
    "9amNIJHBauOKDqyFAN9iPoPrUCc0CDBE607UPaQuZnI0JoIqztHoDzoh4Yl+6/PvqPf9SO"
    "fN1vVh7yCPAaRbIP6kbbCtjZ7tZvRsPE7NXIoZxMYarqk4JVP/hKorG1aMyWN6yPBOXCoP"
    "tr2vY87bvWzvi9ctQ8fJ3vdQHjzNNrBmP7virWZsVaZ9qEwfmcxqxgzqNadCs1YKVJhDtN"
    "SjvrCA6PIuCGdKAQoiIZEgSltZZWBLdhCeoz8jJjGUTFypHNraDaUN45BIRO5mWF2CeMdD"
    "HYVAvJIitaf7XofjJRr9890VeqorMkIpyAJLozd6syfU2jmCSvBD2Mn4B3FlQ/60tGJ80t"
    "JmTzsMFSfttrZLaNq+h5LK9gM80m/BROheQXpI8fYjUh8w+1/XhMGHCU2Nd/GbSeEZpIdD"
    "/FWrLVavGvZYvSpvsrJSeG+l8GJVELxZSRBs3fxd7d9uaVk/+7hJu9KnW2lVkCOidWmKQI"
    "FmTwRycTDHdBrqRNRxvXml2HjqDA3mPoEMSloBQfp2CAuthrBY9TiHEhUM+3GaaaUgESwi"
    "rp9rXY/a+R2vFYwr7QcdjaCBo9Q2Tt0R0g4ukstQE2fTRkpXmxJ+PIyPqUcZIvXRrgqwip"
    "X7CPPgJJqjp2jClEbno6fXoeszAUqh0sco84S6KbSK5g4LR+i7v6NR3DT7M2mf/U1CT8Af"
    "Q3QhKH76BUqYzjBFHl6K41P0XqIpZ9FcXIdp9iJ1i2Lyo9MkJ8gofYf4vdSiR0Oi2AxIMC"
    "b8RF0xoxwukv6ukGJ0rF8S8nazRagLvsKUwtUr3xJonB5w9IERqCnqerp+rBpVOPIoCV31"
    "QVmn2gFIiPUap6nDp8fOnu2rQzAbmZCbtu8huTsJyczN9qY052B9ZLvNUG5w8ZQdPJqzeJ"
    "k1m67XgDYt7MbK/TwRB4vc1+dDTtv3IBVsk9qxi1TIWhx0UnGwTHr9vscy8qt2Pm7WDd9N"
    "otDVgvQ4or6koTiF+33/AN2zmw2RqcBdrZvX+PXzoCbN/AAnpIYOAFV7PdAnVVBM6CuAHj"
    "V9K4XOhL8i6lETmGjAJuzlII+aurwKb7IsrePsorT1RaloMDGTGdaRtnu23j3WabNJVxyE"
    "Ud9uKnoU3dwt383/g1ivLz6Tg3oHzqrNsI0XR4ePOVBC1KBgAZtoF8CqbqdO7g8Z/CGnPc"
    "JxUFrirUBHIw8vz/+l/jv58OHkhx9G4NhQjUQ0zq6cXmtY8uTs+H7X4Uh7itL2WWPCb6mb"
    "3fN4iGaqp9B4Ceey2gL6ORKXybl+xvjDQ0fxswx1cdZj1e6GQFnSBcui+kR6GR3sBxXXXU"
    "BrJ5RkugzAmLEbROUbxInO5O+tCgCkUYBUrOoWDMGjsno21eNEtee6jAJEC4r60L34aeE0"
    "PK+N3OuSMa5hc1LWa633JmUIa4BuYYAWyTRapLc+yU3SvE/25u2lYelQkd5HMnd0Rnjh8y"
    "s8rZZZ4lONosqCuCxQI4LPHYmnLcWUK7VIAgQiQCIhWUD4iUKr1VJin01hicYIDqQRCToA"
    "Qi3zN2QudVX1ZejCcg9m9SlxyJ1as0PtVpqeloSUnd/Nxjp0+DtrWqPrimk0lIGpK6Wx4R"
    "r9sJ2w42gHG0qyy1ASmKQMR28esyuS+zSAY75Mh3ERZQdzC6IZ90hFwrqmlTCDHHQhgz1H"
    "jCjxjSQ7G9eYbqqlmkM9dPXUaoFyGxbPLdavtSbnTTrAmpxNtLZoXrcPW58ZNpuXoY2BST"
    "kG6BB7iCNHM6Ye8hRRIZTac0OW6GiOlxCsj+4Qj3yifsDuZl+NS/VrmJhYdXswqFJPnWRg"
    "4S4ra7u/XZvaqvGNE0kJsqYTW0K1ozpcdfrgeumsJnnw4etv27ewZh+cCb8FUO9I3kkSl3"
    "TyMi/sWQTuShLu66SS3yadm+/b81+A9cmxsO9A9ng5N6+EXcDZ+lUb0g8ylDH3OZBNz7Ap"
    "89ZCukOjks2dsxJbXreRWtaV6ZzQ8rpUBiyAyBuHTSbOhFREbtfXIC0BezR9bM0hPyfcJQ"
    "lN47kBvWWgpbdC3lMfh0eFjh4zHL9VUEtxBcU0dMSchJ4pv+u4g7bvb43OW+xTRQlngalN"
    "uYi0NuXO2ZTL3aymFlqRJ6BNP2dQ29Gd7ujYqGwgnWaAPe7e1ra89FGqj28nB3Ub6fRZQ/"
    "7pSsvlJg64AtB+Qp3+hKDwyCY+VmGrrh1O/46XULVYKTOm9qkqdI/k9D0bqjSbOuRGdZfJ"
    "slUC9i+x//YtVznSzJSnMrBHQ35rutSGmr/V+u+nlpNbdrPRslxE2pW5yytz3FcOJ1hUZe"
    "2oXw1KQLsa3L8aLO7mGOQY5t4YxnuXkZbvtnyzSKpxql5YSEORpw7fP+53Eg0T0xfHAG40"
    "3gvQ/pG+uwkGy6giTc3900uK6x/X27dMxZzpIkDmVGew/jG9tXSwnYrQ/lldq7bUcL7B8P"
    "54bWcet21bJIvcqsHgZ5HRcTw0FP9NAp/PEVXnBPo7+u3fuUDCIfozwqGkcvmf38vh2Vu7"
    "qt0z22nLj80P/iArsf52yuzWZ4rLAPtPEPcwuvJOUsGpiZTeVozqxl1xK9AeN8Wl802e9G"
    "wO6vCWOJtsr35OgfpAn0J/mXTlgRiKklFnc+89ql6vMA/qp++U1P058htEbn22jbwNEe4t"
    "he1fIfUbRum2RIJ5KPTfWmI/RwENaRAF6gCIwhPKhUTziLszLAhiahQMkaSEi+GqItJCDU"
    "y2KEvgu72VFcutWH6Ak+mOxfLk49pgf1IeZzeIbb4/j4L5g24SS5yH2VBiOKLXBCddExxY"
    "EwxVn5or2OQgLTQhWHzVXHVrWEZmDfZV6n7HDMH71vaFxFyKDZSSAtBGKHRHBSlrnro8iH"
    "kP52C2f7vcv9ZiZy121nZj9mFZi91j7PWDsNhdJZ7iQa3VLmsxbGG5y7zTba13WCKcph2j"
    "Ai0Yl7MhmrEF8hlkEJNwVG+w00mi4YR6o6X6Z4nGJPGBV9nqtndha5nrtK3CWuYexDKXfy"
    "wDjtdgNpyqVXVtm1DFJlTZ89xtE6ocBr02oYpNqHJYXhAtdFNplNs0j+nhotZmM0f9Vo7S"
    "Ro4Opazp2NRwuKaDssWoUxlrbD/vuJ89vKxwW9auPUWQXdXLy1C8OVMyiSs+n/pihkWUJb"
    "ZMbJLJR4uVBsyuw6ywtBpvZpsx7bZjM1NWzJd2njHuBO5sE7pL8P4x/+KsBfMvzmqZh1N2"
    "+4d1JndlcB+mW9E6kx9jr3fdmZyU9/0nVGAcVPmSCw2G9xc21rUcW7qRL7LywnEFYagXLE"
    "9RnB/hHMULBvoLeVQESsyschhvdgnrGj5Q1zD0rqFUnYP0rrjSgVcg7rTUvJNUPWyhCHEi"
    "QbjZIF7H9Y/uXaiHpul5vjIxz0YiU04tKpKcO76d4dxqNDcM5nV+k1pet4QLw2CSMtKO5/"
    "vHs1UJa6k/XGXA6oCPqJs7ovS9wzxUNNdt+s+fHjYpfCRuaLLt/9McxhvjJ6pnJ3QaceKd"
    "r2J45wx6GuEQkdtsq/4QLaicIRfP1a8QlQEVitVlKIsjgNMQg4rKyDu+mdUiD1WLtBWQYy"
    "HlZRsV52W9hvOypODY2O0dSoB6ojJhNwPsit4+Dd14QVDXuyMVs3N9uOsazPq/c6yopdNZ"
    "Rtgk+rICaSmFI1POFnJmPD7XYZbMHCsbjM8KpKUUjrDQJZqW2LxTIeA2RQdUoG12lBaBAh"
    "6m/jKOvnKU2mIwkCuQNiyujuBkVdqE4SLUUlyR4QfCMjejuApqKa7azaVtGabhyOswu9LB"
    "kcPZCQP5eRw2cUJyJ50lwbzsZ6pssZUdtW3037N6/fespP+mHG4UVJ/H2RmiKmKZE3zjjF"
    "kYCWKUaa2MtMnWNk+2xvQTGnVADmKZt0ntu6us2ESC/XRs2kSCj6d/bRhKvUh2mDHqdmfC"
    "Y+z1ju9MeHc3p3z5mQTQq3xQFadSbDFsDFXRbR2eNG4brRISxNkCAkDQOHJviER3KL0G7D"
    "GA8hE0FIRLmuWmkzOCsGQBdZHrYxoMkWCIYHcGJwVEmoCpuyJaZcc3q4hW+W0Q3ygJj9f3"
    "iHXk320gyyEEshS6r30nFGC2yIJhd5QioE3pL8As/RvTn5uvSvw3JILIg/rE/tYsgXF+PA"
    "NOVwDLZ/U4PYCNKPvbWLX1EtHGxaFtWWizPKZW569l/3C1vW7tSbiThIfYv2ShjHWyCn2v"
    "2GR4/2Z0N25qvh2dhuhXcsmCN2iUSWsjrUshn4Y3UL57xlk0nWkNTI1FFtLm3embX9FuM+"
    "i0PFqvnZFkwG6w37cC2rvNB9uPj0++GhOic5AdyQJ9IvjBFN6O0fwg6q5NzWD3VlsB1+6t"
    "tt3cYT1G58n6EG9hqNBh8qdb6C86pVWyI8LAZxUDEJsgHGfFOoeaSqkmcjSCMiMjlMqYx4"
    "hp/9Jkkp3Sfx1XpNHyyURWu672cM9KD1YuvVMiK1vfVYfEl26n8uq5VGOud25b3ey3OmTL"
    "O+2qEoZ1meyS3T8YVLhxFSMGTr4iyO6gKCvowNBGykUBaHWLzukW+U4GaXSDLs7BbHhzl/"
    "tXp0xx0n5orxwUcQe9T3IPikFXtPWIeuRSXWZQpatnJ4dNmvoUmjmuatfazaghTwRK3JMI"
    "wCvFV1sUIcTzCEP54xulPuvYTu0iJLEXUUF8H2GJRskpNbeMjpWyDLHIFanQ9nRP66rs8D"
    "c3bFDGtfHF2K+TR21nxns0XVFUdYz8Ohmgdx7hF20iw17UR4a9KEWGHYYeOUin30GJ5sKZ"
    "buaBjrNrmpry8iDrobzf1vQnd0zTVuYg/WP4VauB/KphJL8qD2V8qxZIo0jSFcJS3IpiLT"
    "sazRQpoH8Eb78w20oyNzVQFJHWRtFlG4WNVnkU3WyjVXrbzR2xf9UHqrSJUTGKS7kAy5OI"
    "AsKH6IYsiYfGSxTQkJ7MOZtyHCA2JxDyjt5iH4cuEQhzgjwSMh5gnwqFgPr22h7lE28KFx"
    "LqodVCg0MB0SIsrIzA39Ntre2r0waXettXPABMRNIVoncmGBuUf3AEzxVBRnaBDGA1qvs1"
    "Kk1WnCWZGyX8LAH7x/aWw1JC6t4Yb3LIYfpH8PYnCxreUkmMTYlrsN4te89ft7GKr2sJOa"
    "v462qiPWe8NHarlaA9Crbas3NtHAv1Zf7rc+OsEAcdxLHtzOEGFOYQlkI4EpcMMWBwBbAE"
    "whFJCVeT9S3xDUgsgiyRcMSdEfcG4nh1ym4DMstASygc8bGQTkqOhys0BLDU1sSEVmCbbL"
    "WHt+g3UAmmV7sJt/WwPcwcozaz7GPs9QqvR5cyy8auDR3dO6j1fMSnh/e7PxwdWNvSCXI1"
    "SzfKPhFxRO75yrvgsiBQI08u0ZTj+Uy1mHMaYL6MWw4RRpxFoaf+HdMQ4YkkXB2b42VAQj"
    "mEHbVxObqCA2T3t7wOsRfQ8BTlM9jGt7SOke4ry/WOke6kN300ndG9iOwH9p08EPeMkw24"
    "X6FskqNNqWcRr7LXNQRsZ4gebvzdvl06F7ZgGLJdRvbP4bKDiEyr1Nogrp3qM58iOWZ3H4"
    "gQeFqp0RQbNOo0TDd1grhtO62mvr/vl/x/y+230RUosZQkmOut0r9btaCTaoHNerLDEqce"
    "8aI5cW6IUaxJEdU/7/xZm0gT1aph11op2qTDuUwfgWN+jpc+wxXc11c5zUG+qspp16aUBi"
    "53Uub0QPbE5qIIiqznT3SzHkUixJiUpclDrGcVjqyLgyUum7WnCrhVoTqnQpVc6calXIqo"
    "/lkkbD0X+0XZDYS2m7tpe/o59gQPKqxO6alhk70p8SS33kMoItclQkwiP3VCo6Orzxcfv1"
    "xcXr3/9PH0yy+Xl+++fDkeZkV1GMJpburxUju9FRASVcfb/gZro2VX92hjCiuolmqi9Wjy"
    "CVpLWDctYQ/uS+lYp+zYlcIi6ajbeUTNhCZkr+Nsauv79wkF7sxsRGeAHpp5tz+U1YpoRm"
    "8GsPS2mSkefEt3l2aHx2Y+76sgUhA81GqmeTMTOnKoPZpyyzbc7Y3t7QfIMIl9Z0JCA+tt"
    "AWNrYFf7e9Rnvwm3FUjLcNXWrohzErpGfuM8Zo/zweXHf5WnhPRgBxMTJBaBmqzwzZa0da"
    "y1pXXOlrbmusNuxVbdBsk8Q1jnQyvnw0Nt5u0a01ue/zmZROpNPMPldR1mnc+D86L11XDC"
    "X4PaTKpdnu6tI/RRdLN1hPa2m7vlCP2sV9NBvTs0aTBs4RR14qV5E99ojERHn9/945ePP+"
    "Q8lopxQcf+UrVwGfcgHSqZME4QlSL1dt7jE/36a9sNwZ02M9b7O+OuN3R1FkC983Ju3/MG"
    "3sqEM3M3ZwFoyb6X7O558LvkOHp8LvwHtLVsf3Ank8Em9gBraR/c58vYiN0qqOW4ysNpvX"
    "DWC3eADHfMVWRNhzuzKc19HIakSh9lzCc4rPmOVqi17h0r2K4+oOxIvk+rDQnb6Mu3nz79"
    "VOjGt+/XdM2Pv3x4++7z0XPdf6oRlQUVNMcyo6HRRroVwDqJHj4Tcc/pxPO5TzeyKxeRdq"
    "bv8kxvnUS97eaueA9g0XobuTekeitV7vSw0XMADZ2xbtnSb/AOcyWPoHjZRAsqZ7CBiXLE"
    "FiEid3PKl2+QgD33AnkcL5BgLCRCnuhzamygCeVCnqKRR8ZyhGZMvTByfbw4AW4EGhOfLd"
    "Czsldhr3c23n8VV1lXbX5bFVzXNyZCb8kqnOBESXyCZCcI1PyBC9mdW930ZHQntWk3JKI9"
    "x69n34cR+3lUj6TR/SeWlWYJNlNAD43uWw4UpiGVFJvENeYQfZpPthjVGKhrm9UfKmAsq1"
    "XzrxZklF4SQHlCA2rLQBsvuuJFbKAiFpHWENA1DbE4GWVivmEvF5G2l7vcy/EX6fCowj9W"
    "LyUVUf3bCvKyTZa8l/VZ8l6WsuRZs1pvP6cumdXe6frLdVa1d2l15vuMaqB80rZ1ft4HQa"
    "TxyCfelHDIFERO0Yh6JIAsvSNEBYoHW65azrlOHcRCgqDdnEnYmqnOuTMcUhGgCeOJtaxs"
    "TNvLHSuMaGtWs/R2seGr3roGpjFtQYuLN+jfc1+1NZtZs1mnJ+iHMd1g163W1xp2p64ge9"
    "zgjW8xja9Q4r94qqP5e03V4odQhw/I3GArBuxwsJJbYjYlZIAeKilt7Lkv6w26L8upH/Zd"
    "j6rT/P6tTbadv9Vn2/lbKdsOj3zzSms5kPUDbSpMZKK6wdjOY/o4Oe8iUdoY+zh0iaOLpx"
    "rIFCWcFS06ENDYO88FWDIq1rf6MiwZ4KuKsHRsCm6gbCc1WKztc5OusLZPQ9uneBt504aY"
    "wvT88F77p3DGumnbbARhGGE/je2LoegII4jUQy6hvhoBx6cI7nauMwoIouaOiY+nFdkHvu"
    "5aNttApwXSemPjkmATeSlt3p+K41tb4+NvxqnbS9M0pEvQPkmhe9a41KQeOoolypzx3GBk"
    "l3D764Nvnz0rCa/psW6MbZj2TVTYtP0ereHxmlQ2heeOdySWsSOyyxcI+r/wfebihJKS+L"
    "LepFGC0ZsIHJy1binE/Dqj7gwluykQjvciII+TBZpwFgyRgMIvnNwSLjAkRhKSqX8QuVOX"
    "9aEQDFOiSIo/YpxOaagaxnsbjsuSzj5uaMWhTq8W9eLQA8XMt5jy+toXeQEKPilj8gswKz"
    "ht7ve2/tivlpm6srRLPJn8IvTCU17Us5PNyzk0c5ToxFsu5F9gmUTTiKrjQxRgrr5KBUZY"
    "ra7YC2goziEAKpRUUrWcQtTTr+SSBUjfSTeDOCnoFeaT8rq9g+vbZbrTc1P9Mq1/Gugjaf"
    "seutN2kNGM+Ubkpu17SO72C98siMsCPa2aZUJcx20l7KHXWSchbeRtxUBuzBy0Au0xcVDK"
    "ep7krCc6nDZIK8bG8noeZWuTbSisS3ZDQuHcYp96dUEPzS7O6ivYTVNd83Rah3a7z1C9oP"
    "cp9JfJCDyQbk8+lq76t7XONahUIuHEsFmBBLNpS082ms+WgrrYRxp2nuh5OrtMOIXi3ywk"
    "b5DE4kaofzl4pxO7LCh2nEzB4vwG4ayaODyw0FnxdbuqfPt7uafVMTu9pNbrmK6hz8vdqs"
    "+rQ6L59hOUW/V9pwnJp4mvrrUCnyFsdv37B6/VK3etV1ox14q5+xdzPzNZHwhRaNAo9moh"
    "0omNHDxBtJSCf2QLpJ5xmewbF9pfoa/0RCDOoCAUZ2MaohkW6n8oKIlYJCFgYYI5OoLmIb"
    "mTsSALe9FlxEMBQZsorIiE2MP9rPR7oNLvA9n2Hm9X5Gx78BGZ8Z5BDnq7zR547siCc0Wr"
    "ffP6eOPyAiWaWy4nH+JZfUbnSNd0Rkp2cGdQMXCJ4g1a6Bb7EUFHIQS76UA4efwGEQyTuE"
    "4VDKaMQHUvhTzqvLyC7OYWdtHo8BfUtGiY1hv/ulLjneyBrYVcWxvJDnX4eG5y5EypL5DR"
    "3GDMVkFt/FvVnoFsUjfbiFHC7Y/d588qdmJkBx99WCFIJ2oCCqeVLqHc2XslGMfVDdsJMv"
    "VUW0HhQAWFLqc462tvrNiHbS6OqaxWBNkVrzIox5jVPMRyWpmaHgtTb1aKsKJwC1HYOltq"
    "qT8Q50rXk2T8StTHKn/Gy49M0gmt325a3bBRmFxAFl05x0v14itM26pct4QvkfpHAYmH8l"
    "cYIha6cRLf/GFEPXQEpVoiAVkwXEJviTdEc86gpiz8Sqch48Sr8Lbs/G5WGu60/NWwmyXX"
    "55UycYPVpwztXfzR9kNkdHLOmCEDrouoHgoX268+oBYwnajTmOsScI+ZJAYlsjvN8MSM18"
    "nGbHZs38XOw+jqstLWZ+3LY2zivs0T98Uyj8m4XiH2mnImFsnKE0bhzHaSprbZiFiv9z0v"
    "6X1KlKYgjBKTuu9F0B4N8+sMP/9qmW9rFgofC+kQzlnFFqz6AVtE9S+J9dmrVy1GrGpVO2"
    "T1OWureCS2inw3ZwruBh29jrUbGrvW052xSrkseKerNFSaorKzw3vsTyxwtGbYeqtbagIa"
    "Io+4fDlXAw+52PfhvYZg52EcIm3HZAIJT6iEwFp1SnGoq055evdZNs4h1AqjBeM3VQFaO7"
    "3bdXgdjmKtOC1+5am7KblHZ1JL061I2Bp3pNsNUez4RTBuh7oB9WDHnHokDmLFEF3qmfpK"
    "fZrH53EClyfiOuREFwbTD+NFcx9MHupP9d37EHoMtjJ1cU9J1zRUgnbcISgOOvPYKfqSWN"
    "Eg1xsUtT/5Pn2n5C8P6nP9dR0mFjV0FIXAQYiS574hc6lzysSpZo4h+S2mPrSc4luCojnS"
    "m6hRQggshlhKEsylGLW1z/2Wk2MhsDq9gq3W1V3jXTb+zU1JW63x0CGD3fPXrervvG4owP"
    "P6oSvwdE2+23UJnnheNrbTrcEs1S2onuOlz3DFpF1vWMpBvsqu1DWqrWGp0rCUSCllu1L+"
    "RDfNSqnMY2BUykMOev/K9mK/12S/EpfNOnAF3Fo8OqcHWxvifbPTTmyIqWl+g+9qDWq/qU"
    "5/U9aK2Oee7ogV8YJw6s4GFRbE5MywyXqIV206swnisZiNvlJYqzcIQd0IwwQ8OUgPNeid"
    "LOPwURkwnDTvIbvPn7Urdt1U7bpkbEus9iYmihzEmigMTRQPupj95/8DoxAXKw=="
)
