from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    # jifen_assert lets one data-modifying statement abort itself (and roll back every CTE in it)
    # when a guard row or a cap counter lost a race, so the hot award path stays a single round trip.
    return """
        CREATE OR REPLACE FUNCTION jifen_assert(ok boolean, msg text) RETURNS boolean AS $fn$
        BEGIN
            IF NOT ok THEN
                RAISE EXCEPTION USING MESSAGE = msg, ERRCODE = 'P0001';
            END IF;
            RETURN true;
        END
        $fn$ LANGUAGE plpgsql;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP FUNCTION IF EXISTS jifen_assert(boolean, text);"""


MODELS_STATE = (
    "eJztXW1T2zoW/iuafCmdCWwIL6Xc2Q+kl93LToFOS7e7t3PHVWwl0WBLubJMyNztf19Jtu"
    "P3YIUkOEb9UEDSsZJHx9Kjo3OO/up41EGuf3Axg8z5QAPCEeucg786BHpI/FJa3wUdOJ0m"
    "tbKAw6GrBKBsadlhU1UFhz5n0OaidgRdH4kiB/k2w1OOKZEynxADHvKG4scjYIGLxI8pYp"
    "g6YO+Nc/5f8W//+nr/11/fgC8TSMYTiIED511AGXjj4hF68xYEPhyLR49EkQ2n/oHs2aG2"
    "6BqT8SY7CQj+M0AWp2PEJwq97987YUcWdmQL2Vn0a9hh548/xO+YOOgR+VJA/jm9t0YYuU"
    "4G/lBKlVt8PlVlAzy+Ivwfqq38kkOBtht4JGk/nfMJJQsBTLgsHSOCGORI9sBZIMeBBK4b"
    "DVw8NOHXSZqEnzIl46ARDFw5mlI6/ABJWceybm7vrC+Xd5bVKYx0LJEal6jIpkRqifiovg"
    "JgLD/C/vt+/+joXb93dHp2cvzu3clZ70y0VZ+3WPXuZ/hhErTCRynMrv55dXMnPxAVqhhq"
    "qiz4qWQgh6GUGoyU8qdHsf4gZMSeHosY+WWDERcko5G8Si0bjgT+1HtTH/z0y2agXxX6aJ"
    "4qIP9hAlk57olEDnbxZXYRdg8+Wi4iYz4Rfx6eLkH03xefP/x28Xnv8PRtFtabqKavqrIA"
    "qwWyiG+lWi/ab0+pe3loe8/W4v7h8bvjs6PT44XyLkqW6WyJflL15Pr4JQKvF0DJMkb3qZ"
    "VOFgyhfa8oW6GG9mlV22KV1/fyJZAIsuRE30h+uIhLfoDeFOIxKeOZi7qlHNOOWtWkl9ch"
    "6xNkDvwtpoAeJXwCPDEueOpiwVTB3hD62AehoohX/qTX64G/g8ODk8e3B+D2ATFXUD5Bgy"
    "YITPB4gnwOZpiUMM0t9FdCOg2lbM5CWk0p1U+NZTVu38JF9fS4xqJ6ely5qMqq7KqQvF7W"
    "cKqxOBTk2sQc17bmMmQHjCFiaylwVqqFanzYr8MN+9XcsJ9XY59Dxn0LlvDDXwVKHHuoHO"
    "uMYA5qJ5I8iH+pAXw0PTcF9yU4311dX365u7j+JB/v+f6frkLr4u5S1vRV6TxXupfn64uH"
    "gG9Xd78B+Sf4/fbmUqFJfT5mqsek3d3vHfmZYMCpRejMgk4ak7g4LsqMMSLOKiOcEjPj2+"
    "TxFeTPoiNL0T6NlSgvttJC1LBhXfc6pIupAXMJmDOE7oXSacCZkjCAFgFFD6jUMvGvL7c3"
    "FXP6QiI/pWObg/8BF/s7iOsS0CQUmXk8JkN71xf/yfOkDx9vB/kJWj5gkMOdS/buCixdLf"
    "BzYmYEVh8BaHP8ULI3GFDqIkjK8U+EctAPhdSm9gax2SEN+sIUsW6sB7e3HzNYD65yVoOb"
    "r9eDS7FHUMCLRphXWOVthiQSK/DGrOQaqGPj9mTiCzq3xJ1HQ7kjXDLSugKVbIqpdoLse1"
    "xuqY2quksNtWGjenba6rF++ohdEhJzqL4TFlBzqP6iJ7ulZF8uHpUb0qdWjB2EfgmKcsYv"
    "2OPE4nKvsUVKBNqkqOvbwMN7FJTY55cSxURoi0RxUZJGVXf1MlSxWeq8I9Sw0szYEG54CR"
    "kRMH8O1Lcu8MN09VKOiMKGlnTcqnmgfzuV+kbZvhjZER4HDDnnYEJnQHzYeXSiDiAByrIC"
    "ZAd+F8wwnyivzS6YIuKILmP3T0gc8ABd7GA+L57mb7ozc5TfaOZUTWRtocs6J6Fx+/Wcgb"
    "7sAGROQI/PapyAHp9VnoDKquzqZbwkNugloSYqHXQXApuCt02qGy4I4nnyq9XfMuTFXq+X"
    "YgmYYum05gEk+nimJQ2ksmTM6IxPtPUzL2bATKGygn6WSBpIZQklNlKwhAY/TStBibQxF9"
    "QwFzgQu/Mwas8S2xYNRS6RNG4BVQBHq9IqCGdFDcRFiDnl0F0N4jJRA3FZWJiyZVgOnGsF"
    "3+TEzEonS2IrkM5WLC2zvc2udDuVbokEPXJrjiDrFPS1tMU6dmj9OvvffvX+t1/Y/8YY6m"
    "pxQc7MEEWlDo++rCElgY+0PLGKksYZa3VnLKo+odYApEQM8sYNrrmbFRMf086DTRMf83rG"
    "1/gnVFOydrmypkc9mDorjnpW0ox6U0a95GVXn74pTiqPU8zmn5EnR7U0s1muRXepq4pqa7"
    "GocV1vFYIAozPpAAKGgX2PuExAFj0DCE4yRucAEx8xLv1EMAfYV1kfIKcetoHtQux1gU8B"
    "gvZEVvrS00Sauku8VTbcWakrdthR5Jur+gj3yMYjeyccWTLDV38QMmJtcnTdske2cYh/Uf"
    "hT81UB/yUe3mmhNqG/Nksg9DRTnCUCBs9yPeVBiY5WHxYkEi30izvs1Um70qtOu9Ir+MUx"
    "Rkv8DZb4xcUCK8HbMONC7tTl5KTOscvJSfW5i6wzMQmvxLTTkO1emHmvU7LNu174A1Vv70"
    "JGVXNXdwHkEAYeYl1wj+bIAcM5ENssvD9ldMygB+gUEewcgAF0odg++QAyBBxEKPOgi30h"
    "MWLUU5svFzlj+SBffGgxMUDiywMBSor7u+11a+ISGk1gq7dzoQLoLGSJROtiE9bvPi++Jd"
    "XENyWyIarQJoCnAiCt6I+FQPt42FGd5IJH1ckFjwrJBRVYob8m03I9Kgi2D+06wSDVsSDF"
    "KCZs32tHMqVk2gfw+icLTB4wl2qpF4uXE2vdsrf+hPUhYo41nGtbKguiLXKc27KxchiSeg"
    "2rWkrCuN2qdSx0RtaAMCVhIJQlYfCSBoKJgAFQliRZBzVAzAoZIGVJlGDM0k7RUxQ0gMoS"
    "F/rcisHRzBVVJvvMxFENW/T18kYZe3e12u6mt5PxcXuNo95wH7fbgA/p4zXy5eWUnZKzj2"
    "yD7rIjEKqaWl7YdgN5O3NHCN9Th9Qqdgxyjryp/Bl6j5nzhcadL4jVXcv6HbdvoRPC+oMT"
    "HeQEU2TdIy3bbFaqfdasfh3LrGi15JKdgnX2xdzuGsZpX+iCUTh3KSzBvjo+MSXyrPjEpk"
    "0p2w5Q3A1HsrTVLYt6uqKZnmQRidFxKE2LGEuELMnTwQKWyzdTJeIt3FHt7g6quHFW5iNt"
    "J8ysVPuOTI0npnmjVn2jjCmqtcPcENvTJ5kya6ACwTollqd0dXeZ3Uml3rLCiLKaDrgywT"
    "hy4gTcKuE2nyDMAJ0REEZq/gJ8SRZ94DA4Az6lBPl8X9XJ4McRZj4/AD8cNOQ/wISKLyzj"
    "H2f7EhsfDJFLZ6BX9MHdas91bGiZPakk66gj2nyPfu1GgatIZUbIVjDkIuijRQWSzl3yQc"
    "b41kzjmwkWfFGzxeL90EI/LWVMRs8I1ORaTn4LgRZantfsqooJ5hjqeKOkJNo0n6zNfMGQ"
    "J56t52iWkTGols2/isiIfYlucHFR0FjZElxWSrWVkTTZtpq2Q8xORguarznKWUkzyk0e5f"
    "CNtFhQchHBkij2jFT7DKjHdY53jquPd44LxzvGetra16lJZrVLFWhXZVW7jMPwnjKqyc0n"
    "rnuz3pXnBUo+ig0HLiboAPzADvKke8kPmREsVDaVYiy0K5yraHJKEJDtppQjYs9FnT2BBP"
    "seGFEWWcuKxrSt9Pj0BdJxd4WcZYV2kQWNBsyOzGypt9qYzYzZrNET9MuYbqBtl+/XqmlJ"
    "SmSLTifwAeLwCQX8s1UNdTwxObc669wdG1fXTebb2u49lM3epKz9HsqIoGjAm0i0D9/3de"
    "Lh31fHw78vxMPL66q1+URKyJwDrUomFlRdQ7fTMm2cnDfhIB9lDrDgiJfdw/hUxoFEzlAL"
    "E0O/gRh6ocUl61t1/MBCwNxutHrwgLF9rjIUxvapafv0B4EzXuJTGNd3n7R/+tZQNa2b1p"
    "OQALqxb18oCvYgkJ56wEbYFRrw9gDI3s4BQ6PAR2LuGLlwXJKr83nPMgk4G01Iq42N8f2X"
    "NRf2uPl6lvUm4L+2NT58Z6KLefVUuiDaJha65R2XmNSJJVDC1BrqXKtckNveGJz1egXyGp"
    "c1Q7c9zZSF3lpzFdayhodrUtEUnipviC9jQ7jLF+n0f+G61IYRJAX6km+ylMGoIAILLlrX"
    "JDHfJtieRNc/+QCGsQjAYWimcn+r652gYBwPiPmCoAjeyKn4D6BH8Vh3DoSCCSoSy+9Rhs"
    "eYiIZhbMPbItPZRoeGDjV6taimQy/kM19jymvrWJirvRoCvzmPfT5nasrSzuFo9NUvv10k"
    "qVy+nMtmlqBOdS8Z+SKXSTAOsCjvAg8y8VYKYQDF6godDxP/XDpAEY45Fsup9Hr6hj5QD6"
    "ieVDPpJyVHhbolt0Vu4PlmmW703FS9TGtnqn9OlvrGTVQbTlPPqKsFbty+heCuPzX9DNnU"
    "U9Oq3rUsebm1uD00KG3a+tVYXg/1UKLIAyr0FZIqT75YKAfwUEhtSp1j1NMgL0Zi3cc7g9"
    "vbj5mTncFVbvq9+Xo9uBRqrbAWjTCvYIzmfK1auXcze2xVzuCG8No7XE5pVflSNivz0dfk"
    "seHte/4ET4FKYA+YvF08vLwu9GsAD9ANENgj0kak7Ef87S8AQUaiDBuY+8AT+oSnrui3SG"
    "U304VhszvKZnUvV1jzvQpNGIH1ZeIzO4PN3ccWzk0Wn4jVRCYC0tDZMlFjNio7altM6nrn"
    "lwW57aF72Cs5wFwUvnprnGQnYgIi5QnvU7VPMhjLVg03n+reEIVGEoUmRwa2dTQS9OXpsP"
    "ZFWFkhs+KVOUdT/evFqMH0iYxO0KdaqTUSCUOFa1BhY/uqhH5HbF1N9y2/QAzbkzLKGNUs"
    "pYswadMYovhaWOIzZ/Fq/idd0rDetJ4SaeG8vpGE8/Kl0kA4at5CdMUWvlYc/bJA+mJCKk"
    "p4aSx9dTBcSsRcpqMZD/eii9nP/wN3WUVD"
)
