from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "adjustment_requests" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "member_id" BIGINT NOT NULL,
    "amount" INT NOT NULL,
    "reason" VARCHAR(200) NOT NULL,
    "idempotency_key" VARCHAR(100) NOT NULL,
    "expires_at" TIMESTAMP,
    "state" VARCHAR(10) NOT NULL DEFAULT 'pending',
    "requested_by" VARCHAR(40) NOT NULL,
    "decided_by" VARCHAR(40),
    "decision_note" VARCHAR(200),
    "decided_at" TIMESTAMP,
    "entry_id" BIGINT,
    "created_at" TIMESTAMP NOT NULL,
    CONSTRAINT "uid_adjustment__member__21b530" UNIQUE ("member_id", "idempotency_key")
) /* A manual adjustment above a marketer's limits, waiting for an admin's decision. */;
CREATE INDEX IF NOT EXISTS "idx_adjustment__state_44a366" ON "adjustment_requests" ("state", "id");
        ALTER TABLE "staff_users" ADD "tokens_valid_after" TIMESTAMP;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "staff_users" DROP COLUMN "tokens_valid_after";
        DROP TABLE IF EXISTS "adjustment_requests";"""


MODELS_STATE = (
    "eJztXWtz2ziW/SsofYlTpXhtx3m0Z2erHLdnJ1tjOxW7p3cm3cVAJCRhRBJsgLSs6un/Pn"
    "iQEt8mZEmGaPSHJA3ikNQBCFyce3Hx+yAgHvLZ4bn3r4TFAQrjr+i3BLF4cAZ+H4QwQPwf"
    "zZWGYACjaFVFFMRw5EsUXFZ3qKovr8MRiyl0xRPG0GeIF3mIuRRHMSahAJ6DAIYJ9MHqDg"
    "COyD0CkF+hMxQj+ooBHwc4ZkMwhzjG4QSMCQUw5KAAh/yyh1zM+B0PxUM94vKn8lpbuP8v"
    "4S8hi2GMzkCEQk9U/TfgtFB+R4//k6J/ITdG3iE4l4WiAr/sY8QAjkE8pSSZTPnfCPjImy"
    "AKktDjf4qCGVr8En6Xj3yj3vbsv7GHgojEKHQXDr/+P9/Bgai6+jHsFSDzEIjWYxF00esh"
    "wKG8HeNFgLMfMt4A/N0BZKI8fX/gTmE44Q3CiHgxzNLX9AB64PX9BSChi8B8yuvepy8YJs"
    "GI/5OMgcsvJpRKMuXv5I0ruU9CzFvfickEcQTlLfDt2yBAAudgT9Qo/aLBr7+KQk7CA2Kq"
    "unw/VVVdjWbOGCPfK/RTdTdZ7sSLSJZ9wpPPYfwXWVd0hJHjEj8JwlX9aBFPSbgE4FD26w"
    "kKEeUPFU+IaSK6aZj4ftq5s56rftuqinrpHMZDY5j4orMLtHqBVdnAca5v7pzbyzvHGVQ+"
    "hAyR67tpEedafET8VZkkYCJe4c0PJydv3344OXr7/uO70w8f3n08+sjryvetXvrwh3qZFV"
    "vqVpKzz//7+fpOvBDhX6r6mkXBHxIDY6hQsm1yo0S+Sbs3QgH2eFtkzLc1Rlawao3VSNOz"
    "5ljRDwOSKLqK3DcSvwL0ifWT49MPpx/fvj9dkr0saeO4yidFkPE3qPB5MYW0ntAVokQof8"
    "19JDSAD46Pwkk8FSweHbXQ9/fzrxd/Pf96wGu9LnbU6/TSibpW5Lg88GuQXQPtIevHnVg/"
    "bmH9uMo6eogwRcyBNaPFj5ypGAeonvQissS3l0IPs390YD+dJU0hv4Xru89Xl7d351dfxO"
    "0Dxn7zJV3nd5fiyoksXZRKD96XmmV5E/Dz57u/AvG/4J8315eSTcLiCZVPXNW7++dAvBNM"
    "YuKEZO5AL89JVpwVFVp5aTJ1/aKWgN19R4PUYB5U2jN/YTMfUqfvqOUzKn9F6ZoGec5Ia+"
    "Aq43o4ap12Ifu0mezTCtliseVpU11ErUW0YQPULngWi1o+qugNHhVg/9jeigWUdVH9ubiI"
    "tHOxyXMxCmO60F4Z51FrLdEMa9HnWRe7fFkWr/WFFZEb+MJMm7X3/RMTQuB4lhOjRMEIur"
    "M5pJ5TuUJOSFPd6qXgJCiXwBBOZCMJNsV7Zrq4uMWFEFOkulnVzfPXh62SuXwZV1XtqJZ/"
    "QRQoDQ08AJr4iP8VIYqJBw5eeWf/4P+9ubp68+OPr8Ct0HenEAMPLoaAUPDKx2P06jVIGB"
    "S6r1C4XRixqmS+rYc8rg2Lh2VjoHxgRR22crCVg00eZZ9n2st9N93Jz39slvp1qU/HqQrz"
    "zaunFaKHasDx+y7SS9l2yEkv78uLJlfT0+Hu3tFxVKb26Mm9eGOejYjIO3fnbwV4uQQaYm"
    "tewCCCeBLW2ZnLa602ppvW6mheXimrjxtz4L8yEzAgYTwFAW8XLOIDKAMHI8gwA6qj8E/+"
    "3dHREfgzOD589/D6ENzcI+pzk+9MhgxM8WSKWAzmOKyxNHfwvBqj05qU5kykzSal/FtjWs"
    "3q93BSfX/aYVJ9f9o4qYpLxVlh9Xk5o0hjcqjg+mQ5bjCaQAVHuVoduIjqYTc+PuliG540"
    "24Yn5W7MYkjjdXzbBaCV003T+opyurdW9MIKZtvX5Pblxp9Dxo40+zRmojKsRz6Tjc1Dup"
    "xaMlvInCM0451Og84cwhJaJRTdo1pl4v9ub64bxvQlojykYzcG/wY+ZnvIawtpgorCOJ4Z"
    "QwdX5/9ftpMu/nbzqTxAixt8KvEeC+vd51z6WuSXYLYF1m8BsR/jvmZt8IkQH8GwIYJ7CS"
    "pRP+Koba0NMtkhT/pSitg0159ubv5W4PrT55JqcP3T1adLvkaQxPNKOG5Q5W0cQPMwzn+g"
    "dxP6i7Qp98SWTHudqWEBF1PkznC9UpteGrYKtapSN522ua0fd7ELg8Q61fdCAbVO9Wf17N"
    "Ya+2LyaFyQPjZj7CH1LSyKEb+ix/HJZaaxRFoB+tRRN7eAhzOU1OjzrYbiCrRDQ3FZkmdV"
    "d/aypqJZ3XlPTEPTQ0YvSBKRetNQXWm3DGWdjg78mxABBRDpDZRDfUr4Sx4CzBi3DGdoAQ"
    "4iuJB5EJbRnTEKIl8kBXgA4WsgBhAm64vsBcu9l3HVf7/9xz3uvi/Zt2pjm00bYKZJ6/L+"
    "reMTzepvxhv6vA1Q3F/UxaV/0uzSP6m49JcfnA6/BVDvSD4++djJ4/yxxeX8scxzNnhpr8"
    "tKwG0ZvH0dVOy62BD60+lcm/8ibksesf73/meJ9TfMYfM8zNuIxC1GJM7479IhN6vfQ3I3"
    "v4dCZX9yyHjsjFFNmqNH0kblgT0aPja3xwJRF6U0aYXTVoGW3joV9MHxMJMbezT7bx3UUl"
    "xDMQ4dJtLw6PJbxr3cPUN5Ou+hjzkllAS6mnIRaTVl4zTlajPzoQX767XzEmob2uiG3ov0"
    "alLLy16lvtzM5GrqBddwwBWA9hMy+hNK2FpNnIPZbRzGt+9o4fCRjy9mdPWpOnSP7PQdC1"
    "WSTUI9RHlz6UxbFWD/EvttXrnKkaa3eKoCe9TlN7aWWnPlb1f9XfYp35PZWtNyEWlnZpNn"
    "ZtVWzjop7ktAOxs8PhvMHyIo7BjizmqtoGa6q0jLd1e+SbI8d0jT5GnC94/7rUTDKPpUDO"
    "Ba/b0A7R/p2xtgYJzU7N98fHjJcP3jevPKlOIMUUqoPtVLWP+YPnn3rkv44rt3zfGL4po5"
    "idbkIPSF3wtKE7shUDurMHw8XtuJVN2Ocdu34ow16C8jo1U8NPJAFvh8BjC/xsCfwbffc4"
    "GEQ/BbAsMYx4s/fq2GZ2/srjaJmtHKj02i9iwzsfx2quw2p1BYAp6UPME0mm32BJs94cVs"
    "ietZ9oSCjh15a7Z6EWlb3ZRWr5EH5dsbZXV/TfwWk1te7WJviwj3jsb2z1Mk9itm2xIRpC"
    "GT/y8t9jMQ4BAHScALhCk8xpTFIEqoO4UMAcJ7wRCIZEhsCLL0yiLdsEfmVQt8u4+yZrk1"
    "y/dwMN2yWZ5+XGvsT8rj7Aax9ffnYSF/4HViifMwG0osSuSc4GRzgiPmBM2lT8MdbHKQDi"
    "shmyvxuVf7NsV3/yMUbIrvfrevVeysYme1G70Pyyp2L7HV90Kxu0s9xYNG1W5ZY9hBuVt6"
    "p7uqdzAGMEs7hhmYExpPh2BK5sAnIoNYLErlBjsAQ09e4L9owf9YgBFKfeB1Wt3mbmyVOa"
    "O1CqvMPYsyl38tDY5LMBtO1RhOZROq2IQqfdiYYhOq2IQqe06xTaiy8YQqONbKbZrH9HBS"
    "67KZo3krR2Ujh0EpawwbGvZXOqgqRkZlrLHtvOV29uCixm3ZOPcUQXZWr05DanNmTGJY8/"
    "m0HHJSQFliq8SmmXykWanBbBlmjaVVf9PbjGm3HetJWYov6Twj1Anc6Tp0V+D9Y/5tlzPf"
    "3zaf+f62cua7dSZbZ7J1K+rZjNaZ/BJb3XBn8iWkIWe9af9H/vKwzY2MVEWdHSA3keh+hL"
    "7hDT3Gk4Qi72zlzo2IaHgAQyAPHFe7NoZgjuMpcGHE/ykEOnFYFb8NJsoZnKlNNYdkbflh"
    "1te8p75mexhWaiSedtEyT5vFzNOKmmnd+Ftc+8iBSofdJWBb9Pap66oJgd/vAdWMzs2ezx"
    "LMSiE5VvjU6SwSqOOIq0FaSkXJhJJ5PNXun2WYJTPHyhr9swZpKRUlJHSRpEWd96cpFNWg"
    "7Ua5DpqRB7G/UEK8w5ctGh25Bmk9JE0Ep7PSOgwXoZbims2ewkO3HsV1UEtxXWCf1DJ0Pd"
    "NlmJ3pRMn+BEWJrZoOGTsheoidBYJ0UOmvtTXMPGk743Ct+Io8zo4Qdc5riuDMGZEwYUhr"
    "030Vaffdr7/vnsg31GqAHMQyb/MbmrtYsTkl+h8BaXNK9Lt9bZBKs0m2n+EKNkjlJba66U"
    "EqDxGmi68oEK1KB3VxKsUaw9ZQFVnXoWnlrtEqIQKUzEUACBgl7gzF4AFk9wDcJhGZRHHI"
    "EI3xMk1BPEUAxiTALnB9iIMhYAQg6E7FRSYiTYTUXROtsuWH1USrfBuoB6Xhx/IZao38qw"
    "1k2YdAlkLzdW+EAszm29RsjtxAJF1V2vQXYJb+tenPjVcV/lv2BOVBfWJ/Y0qgSpWgwekK"
    "YPms76eaR4Y98bAw4wjd8mlh2ueE2RPC9FLa2DV/I/v7u9pTi3xDlntXKuqnZpl3tYwHal"
    "7eKYuq46ruHIgmTAJEh2CGFsgDo4U8D+JNRMmEwgCQCIXYOwSfoA/58okBSBHwUEhoAH3M"
    "OEIkXZCLLx95E3Ejxl+aDwwwZMIhQMLq+m53j7X7Eow2YJuXc6oD6ExkK0Tv9iZsPnye/0"
    "qiyW8OsiVToU8ER5wgrd0fS0D/7LDN77+WZKl4TaoVelQB9o/tDedkCrE7097JlMP0j+At"
    "HOIZ3uNYdEu9vXglWO+mvc2nzFSMec5ooa1UVqA9CpzbsVg5Uka9hqqWQ9iwWzmPqWBkDQ"
    "pzCEuhKFGblzQYXAEsgaJkdcCUBolFkCVSlLhT5M5EzlUZPKxBZhVoCRUlPmSxk5HjwZoV"
    "glBq6zmtw7Zptfs36bdQKaRXq3f3PNrJxri9xFY3PMbtJolH5OEKMQblZFDxfRQrDNtcIE"
    "RWdQJVt5srpLn5H3chfMs5qeXeMRiL84TE3yp6zPoXjPMv2JNJtrg50UNeEiFnhrS02SKq"
    "f2rWSRdlltdq1rNOKurss4XdGWbTPo+QFcGFT2AN9837E3OQJ+1PNG1I2fUGxf0IJMurbk"
    "XW8xfMjCRLjRidgNI8xCoRoqRsDla4bF9M1cB7uKLa3xVUdeEs5SPtIMwiqn8uUxuJab+o"
    "db8oK0X1tpkN0Z6+wEUgksPWqE7ZpWGb3hSpSp1jblniuoixceKDFAoO7r6eX9+eX9x9vr"
    "k+vP3p4uLy9vb1kC8GwhnyQEwABGrNJiJlRdQrB/L/ScNkB6Xesq1ndJHCCktLPtB6OP0E"
    "rRJmphKWC5nWPK+niuydaLP50EWSxA5/nIf4SKhDdhnXvzTWm4+r0z4S6WmHIJlmHmz9FK"
    "Qo0qN3CbD0dhkpnn0LhEmjw0uTz/tqiBQMDz6bSd70jI4caodSblXD3Vzf3nigs8oFrHfs"
    "dwFjd6/X+3v4Z78OtzVIy3BdKGRCKQpdLb9xHrPD8eDi+h/VISErNHAjT6oIOJnWpaOklb"
    "FWSzNOSyu57qBbE9reYpkvEdb50Mn58FzB76YxveHxn6Jxwn+Jpzm9lmHW+Tw4K6qvmgN+"
    "CWrT0Jo83FtH6ItoZusI7W0zm+UI/Spn00GzOzStMOzgFHXU1LyOb1QhwcHXy7/8dP1jzm"
    "PJGWd45C94DZdQT6QPQmNCEcAxy7ydj/hEn35vm1nIaJmx2d+pml7T1VkA9c7LuXnPm/BW"
    "ppzpuzkLQEv2o2Sb58E3yXH08lz4z6i1bL5zp4PBOnqAVdoHj/ky1mK3Dmo5bjzM03rhrB"
    "duvxg2zFVkpcOtaUqRD8MQ1a1H2w76y6HsweQdzvpTZzLrDFRLgHUSPX/mrp7TCaPIx2vp"
    "ykWkHelNHumtk6i3zWyK90BMWp/keVqDOt9B7vKw1XMgKjrqYK6OfoNLSLk9AtS0CeY4no"
    "oNTJgCMg+BOvDuT4CJPfcMeBTOASMkRCx+I6+JM+TGmLL4EHz30Cj+DqaE/2BxjNz8jeCG"
    "gRHyyRwcVb0KO32y9v4rkfMADXidb+k/h+n5f0geMFu8QBG3+BhaXkAiR7a4kd25ZaYnw5"
    "659qzx68vvQ4v9PKpH1ujuz7uLtbYNLAE9FN03HCiMQxxjqBPXmEP0aTzZYFRjwO+tl6+7"
    "gLGs1o2/0pDh6xLdMxqrQBsvuuKFrbFELCKtEGDaCrE4GC3NfM1WLiJtK5vcyuqLdGhS4x"
    "9rOQy0gOrfVpDTLlnyTpuz5J1WsuRZWa23n5NJstqlPK+sSVW7zE4ze0xUE4tP3DEj9uBz"
    "ECQSnx6xKTIFoUPwHXsoEFl6vwPMgOpsIOKXla5wJlMHkRABUS8isdiaya+5UxhiFoAxoa"
    "laVhXTdvLEGhGtpJplj1PCV7O6JqQxqaCRhLqpzJb7qq1sZmUzowfo55FuoOvWr9dadqeu"
    "IDvc4A3vIVZ3qPBfvGRo/l7dZfFzLIf3SG6wJwZssbOie6Q3JCwBPVykdNFzT5sF3dNq6g"
    "dloGjQu0L0j98fumTb+aE5284PlWw7NPGRtj2RA1k/0LrGxNJU1+jbeUwfB+dtJEpLD2B1"
    "4DhGNZnNGzt5BWdNCwMCGnvnuRBKRs381nwMyxLwpENYDBuCWyjbyhksVvtcpyms9qmpfb"
    "JPiTdpiSnMrg8f1T+ZM5JVu2YjCMME+llsn4KCAwhEpB5wEfZ5D3h9CMTTzmRGAYb42DH2"
    "4aQm+8DT7mWzDRhtkDaLjQsEdeylrPpmpnUT+N/YHK++GadpL01bl65A+2SF7njFxQf10O"
    "EsYeKMIo2eXcHtrg0+Hh1VjNeszIy+LYZ9nSVsVn+Hariak6pSeK7ckFhGQ2yXWxH0f+77"
    "xIUpJRXzpVyl1YKRmwgcuKzd0Yj5eYrdKUh3UwCo9iIAj6I5GFMSDAETB79QdI8ogyIxEo"
    "sJ/wOgB35bXxwEQ7gpkuEPCMUTHPKKam/D66qls4sHWnPI6Nmi2Rx6ppj5DkNeX9sib0CJ"
    "T0qb/ALMGk7r+72tP/bJNpMpU3sMx+OfmJx4qpP68mL7dC6qOdx0oh0n8lsxTYJJgnn5EA"
    "SQ8q+SgwHksyv0AhyyMxEAFcY4xnw6FVFPP6MLEgD5JFlNxEmJViE+qs7bW7i/naaNHpua"
    "p2n5t8Z6JKvfQ3faFjKaEV+L3Kx+D8nd/ME3c+SSQA6repkQy7iNhD30OuukSBt5X9ORWz"
    "MHrUA7TByUsZ4nedkSBqcNiskMhcy5hz72mjzv7X62+jvYnTumudusV7XbkMZ/oHcT+ou0"
    "B+5Js6cfi6lO1jtcv5CR5a1rGHGeTcfVy5WMnmdTHAF5AA7gTelORXr1BVDRLICPUgkCB6"
    "FQBqVqGL/+E0CQhmleFZGBPeD9CYukU7S6gNnOI+waZk/XMLqHMz3tXCYjW2Bj/im7Htxi"
    "OnE1NjnxlM8mIv2TRp+tg1qxsM7BuhzU9bzWFdzu2D0+qnFbLwtfvAYrrBM+AIXyF9XaLu"
    "nVRy0Yx5UVuxkyzVRbQ2FPDQWT94P2tTVW7IuYAO2DNIsgO+PVikf6x5MSy+kjebwgI1oJ"
    "VVYIawp3MIWt9tVI/Z5oXabvKPgZ8Y81/gIX1yTGY9wcm1dfsdWYnIuUI3EEF/yHrzBdUx"
    "jfI7oA/A8ORB7I32EISOiqjCf5YoA9cCDyWiZMbBlwEb5H3hBElIgDOMQ/8SQkFHk1QXpb"
    "f5q1ho22v1pc/7k21zxNrgZqT+971I8qMxkohjS4LqJ6aFxsPlUbn8BkVgNtrivAHYbdDy"
    "pkG83wWI/X8dpsPu6A7tMYkfXAKrvNW5zzGLvLef1dzsrm0enXK8RO9+cok6w6YBSubCbD"
    "RKcEEy35Jcr9m5vSWBijSOeQrCJoh8J8meHjJ9t8G1MofMhiB1FKakKFmjtsEdW/jD8n79"
    "516LG8VmOXldesVvFCtIrC2X3ZAneNhi5jbeCdaS1tiCp1zqcxdzqokaHSK8M23Qmu6hjj"
    "vnwpas0TZ+5mHUZsj8V6zoYcpIeCwFYmcfFRaTCcVu8hu8dH3XJ6tiX1rCbHJ2Fcm9ezed"
    "Wagzxp0Woa27tYtT7rZPbHfwBIZlgM"
)
