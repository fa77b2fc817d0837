"""WeChat Pay v3 crypto against published vectors (test-vectors.md A5, A6, B3, B4) plus every rejection path.

A5/A6 are Tencent's own test data, B3/B4 were generated for this project and independently re-verified. The
B3 keys are published TEST-ONLY material, not secrets. Each negative test first shows the same input passing
when untouched, so a verifier that accepts everything (or rejects everything) fails here.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.serialization import load_pem_private_key

from app.wechatpay import (
    DecryptError,
    NotificationBadRequest,
    NotificationSignatureError,
    NotificationVerifier,
    SignatureError,
    SignatureProbe,
    StaleTimestamp,
    UnknownSerial,
    UnsupportedAlgorithm,
    WeChatPayNotificationError,
    build_notification,
    decrypt_resource,
    encrypt_resource,
    generate_dev_keys,
    load_private_key,
    load_public_key,
    load_trusted_key,
    parse_authorization,
    sign_message,
    sign_request,
    sign_response_headers,
    verify_request_authorization,
    verify_response,
    verify_signature,
)

ROOT = Path(__file__).resolve().parent.parent

# -- A5: wechatpay-go core/notify/notify_test.go -----------------------------------------------------------
A5_CERT_PEM = b"""-----BEGIN CERTIFICATE-----
MIIDVzCCAj+gAwIBAgIJANfOWdH1ItcBMA0GCSqGSIb3DQEBCwUAMEIxCzAJBgNV
BAYTAlhYMRUwEwYDVQQHDAxEZWZhdWx0IENpdHkxHDAaBgNVBAoME0RlZmF1bHQg
Q29tcGFueSBMdGQwHhcNMjEwNDI3MDg1NTIzWhcNMzEwNDI1MDg1NTIzWjBCMQsw
CQYDVQQGEwJYWDEVMBMGA1UEBwwMRGVmYXVsdCBDaXR5MRwwGgYDVQQKDBNEZWZh
dWx0IENvbXBhbnkgTHRkMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA
2VCTd91fnUn73Xy9DLvt/V62TVxRTEEstVdeRaZ3B3leO0pldE806mXO4RwdHXag
HQ4vGeZN0yqm++rDsGK+U3AH7kejyD2pXshNP9Cq5YwbptiLGtjcquw4HNxJQUOm
DeJf2vg6byms9RUipiq4SzbJKqJFlUpbuIPDpSpWz10PYmyCNeDGUUK65E5h2B83
4uxl1zNLYQCrkdBzb8oUxwYeP5a2DNxmjL5lsJML7DGr5znsevnoqGRwTm9fxCGf
y8wus7hwKz6clt3Whmmda7UAdb1c08hEQFVRbF14AR73xbnd8N0obCWJPCbzMCtk
aSef4FdEEgEXJiw0VAJT8wIDAQABo1AwTjAdBgNVHQ4EFgQUT1c7nd/SUO76HSoZ
umNUJv1R5PwwHwYDVR0jBBgwFoAUT1c7nd/SUO76HSoZumNUJv1R5PwwDAYDVR0T
BAUwAwEB/zANBgkqhkiG9w0BAQsFAAOCAQEAfTjxKRQMzNB/U6ZoCUS+BSNfa2Oh
0plMN6ZuzwiVVZwg1jywvv5yv04koS7Pd4i9E4gt9ZBUQXlpq+A3oOCEEHNRR6b2
kyazGRM7s0OP5X21WrbpSmKmU6K7hkfx30yYs08LVs/Q8DIhvaj1FCFeJzUCzYn/
fHMq4tsbKO0dKAeydPM/nrUZBmaYQVKMVOORGLFjFKVO7JV6Kq/R86ouhjEPgJOe
2xulNBUcjicqtZlBdEh/PWCYP2SpGVDclKm8jeo175T3EVAkdKzzmfpxtMmnMlmq
cTJOU9TxuGvNASMtjj7pYIerTx+xgZDXEVBWFW9PjJ0TV06tCRsgSHItgg==
-----END CERTIFICATE-----
"""

B3_MERCHANT_PRIVATE_PEM = b"""-----BEGIN PRIVATE KEY-----
MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC9Ck2umtW+sPEX
ndn3UgeBKM0Coz5OYrhOxYZCU5SDYZ2xHrYGk2mAGHpLkSriW6DUg+YScHEt/vFc
RfJRMY9aoe2XH+aGUQ9QUXfGNJ2ORMVs2iNNqaMMAlErG9Xe3nRiZRewj6Df8R3r
ysncSA6w/r0u3AHN2+AWjH1HAcKvKg6BRH0AbtTVgV3JrRekE/lk4fSHmutmjB34
T1n3UlTBz+92WOQld/SZIJtOdzwDFO5iV5nJVuJ3pjthyei9fsKGwb1+ONpjzuXL
xOO1Ez/2srH7knBvzEHmY72j8J3k+XvHMZ+33VgeZQLbhsK6F2ZSx720JuDmQsI4
auDOAmCpAgMBAAECggEAHXQUhGbldK+W8MoMYudp+erEfmu20nm5I7TM5VqmYg38
htM1IzMmlem6bDmzB8+k8FeYqjjQuYzmSC0xwwrIviNKpGg4/6Zzj10SH1SlU7xN
UldudrQ+jilyQhg1K2NXmNkNZtoKA7pKoilXaDXl7BfUnA91TIC8mmbLQhv5HFdZ
k+lEfl2NVKCExGFfImVGCeEEXpdDCcQtQmTA9cCnE4PaM6JYeTDS7BhTc/+7dcny
MqBLXIqcuaPx7/ZVoOuTM/mrnEn2sCutstmYei80ETJn2UEZvRBvYUT2b0pp3gRL
bgZhszirwk3s7xBg8NHSTl6igdA3gua7MXTFMEJ+fQKBgQDizZbel9m+4CP18rlo
3Sl5ywRO+xPhPjT/JuWB2tltMg+d0S9NnI0jPdQNN91fsohLqDxrj3adrkXdRq5z
XO/G9utVaQFToX+Ee+sDATrpX1HMbOQEe8R+jwVsmhNTDPqdbzP7S8psi0DDWv6L
OpfZfptaJcWGAm/uduvmIkT/dwKBgQDVYDiAgg2o65Dd04nrmuf6/ya48EtUcTdh
PeugveOca2Zr4d7mGMRn/Dk8kwYUotjm59+ct9VbKy/KY85s8mqgajv0Wyz42pHS
UZlC9hc1w2qZGWzvuOiWsn4wcJv0D+zH+O0gm9mVVMXZieAw2WioOgNmoPCT2SmL
nzMl97zo3wKBgCIBNReWqN0HehzMEaR5VFigabr1xhtFWmjPCiYYC/VlRhYhYPg/
+qFICd0ZfSV1/R1q0fRGhEBL+smcaVd+nay1JL+fiMVjN11Dvw6qRozq77a4tM8/
R0y6YNPRnggbsA+etqp8yJLRphokMHnrhQzlAKHZe+4Fu4aDagcNKE8tAoGBALTS
L8+nZtAJoOB7TdvdkE2CQFxlNlE/CIFdqfq0MNjzov41kWFJB9hfRFny9ioyvsEf
Kr5yg1oZRQyse9iTrox2uowfYAMbpounHsxCI/Upv4Iyq8CS4Hgklw+Rvnebrzrf
1oPVzxPfnTL2xohfFXPKhetI49dHJw/tP7kjMnHdAoGAc+tg1rouK2ff6mIPg8KH
uG7MoALg58XSPX1OOzDM2hr6LAnsYo1so+0iHCrbwdVgXGoeXorDosd8OqP4G23n
/M6qEhqJqRiFlKjcq4J/ME4lCuhHjp874MzoDlDAVJZJqmqKj+XdBxfs1OOzmE4K
NGGe56ugLcRIyw4qYrwfMUw=
-----END PRIVATE KEY-----
"""

B3_MERCHANT_PUBLIC_PEM = b"""-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAvQpNrprVvrDxF53Z91IH
gSjNAqM+TmK4TsWGQlOUg2GdsR62BpNpgBh6S5Eq4lug1IPmEnBxLf7xXEXyUTGP
WqHtlx/mhlEPUFF3xjSdjkTFbNojTamjDAJRKxvV3t50YmUXsI+g3/Ed68rJ3EgO
sP69LtwBzdvgFox9RwHCryoOgUR9AG7U1YFdya0XpBP5ZOH0h5rrZowd+E9Z91JU
wc/vdljkJXf0mSCbTnc8AxTuYleZyVbid6Y7YcnovX7ChsG9fjjaY87ly8TjtRM/
9rKx+5Jwb8xB5mO9o/Cd5Pl7xzGft91YHmUC24bCuhdmUse9tCbg5kLCOGrgzgJg
qQIDAQAB
-----END PUBLIC KEY-----
"""

B3_PLATFORM_PRIVATE_PEM = b"""-----BEGIN PRIVATE KEY-----
MIIEvAIBADANBgkqhkiG9w0BAQEFAASCBKYwggSiAgEAAoIBAQC6h0W7DfK5KgBP
7zZC5bThBe0F57ePFxWg7jIjTgTX0KWQsu+pf6xnakubJxk6P7ZZhsaj2htPRWR2
BBzrgSbYaiXe1rPzyOkVUc1r6lHXxJBqGpERmsvpkhyCY07Puo40Z0yAARss7xis
l+7bPlMcvIo4wGWBauv53pB73i7FUaJ2oJxx45Ugq25VIkQQizuB0qSsidKqGWNS
3rM1WvIVJ2pNqM29vnLPOymGaQ1i4pHPb52IMTPqxY/ZZpBl/mMphVznZtsi9CLu
xd7m+4qQcCHkUNz6yMmjGBl0DUDcd7p8mU6GT14v9v4RFUV9bi13ifJXkjl0LA/p
6cXyC38dAgMBAAECggEAGdvV/WweGbBqcapyhcytikKVjOuGRYaIP5K2DbHrtvWc
dlZwJjnmb0HLsHs3op0hjQDDugRrI861ciz4y2dQuNDiZiWytdnFAmkgRtUpunVs
JeF/+gZRPZS9chANZXvx6e7mKpq8pzqQW6EGgot93y5+JQb7K3lktHO36QwwxLbj
bPbzVAkgEWpk8QoVdt6Bb9Mw/pTbPPQVCOkJMBTfIvMcFaYPiosglKpVDQdwKt3P
2+JvNYzmxhpD5ovSqLZpRaOcdOmMppRnNLgSr9xZdcNWWn8zSGHNntrbnTbGYlUg
dfyjETbNvYRqUc40QV5J2E+6WCSaBRVDW7EJutAA+wKBgQDcxPFKR8PE5ztuGQGE
fmSFlvBrTRrSSkLnSTIyUMbLZ21Pyj2RqCshfaMQx9dmlhq5jk2R2XgR+9DDb0oS
KqLJUPYx7nxDxkn+/jjVPNh7MwGZufvVHRwneNNp7vt1UHueUNlTfzxy5DyRY2k4
0H0DWlHDEo1fyKtRN/GPsNWAywKBgQDYS32/8Q209lJOf2nPgZWJCWVAS+zmfDsh
27cuAfOJkex0WQI+I2Qz3aKWHu8NUAAbfiQ6CKHSPD53cE3L8UA947+r5Psr5/9I
U5WbK9kAoBbw7mYOQn0HW4WbE1ZN3H/mCkXub9MdN0uxxpRktjmdc/IMXLsxDhJD
9V8PMR2KtwKBgAVgVm/0p3PYHb5kpYDQgyotrtUuH4UXgeGYCrzm8rBpaGQVDMLL
UaGTKbFy7G/3H9d8+66dmSr28vKPd0JR/3zfl99Ha4dLAOpQzpmCzdLSPyu7N8LM
3q6nZp6hz0XgG+KTHXfHFXXG0SLJRPq5ORIn1O3nOcInZOSpdByHtetZAoGAPFtU
i+tIV+cksKL9c9pFUCg/COInCWpBVgFp7Hy+6PS/dvgfmBdoLtD6PcoEC0L3xLQ+
h7NA9Nm61LmR/AcmVh7nraAINwhWRGiOpu5lb7c8r57W+8OyAAuaDNwoiTGuvxK+
0PqDfvOfO8yePDxdd4KTWL/HvLiggDZIgITEKaECgYBauYuttj11Wy6rpYA6Qrnl
MrBtFoTrNTVHIelprC8L5IFOu81FD92n+7Td5jRihV9Fd/XlXnSO9VfhJKIl5YfB
WA9aoSbbcHlfgzEbnGJ9DqeaMbaDAADevxlQSbDSiJFnIo1iRiK5oT2VtTVs6FN+
yG6TH8z8ENet15XhRlGLSw==
-----END PRIVATE KEY-----
"""

B3_PLATFORM_PUBLIC_PEM = b"""-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAuodFuw3yuSoAT+82QuW0
4QXtBee3jxcVoO4yI04E19ClkLLvqX+sZ2pLmycZOj+2WYbGo9obT0VkdgQc64Em
2Gol3taz88jpFVHNa+pR18SQahqREZrL6ZIcgmNOz7qONGdMgAEbLO8YrJfu2z5T
HLyKOMBlgWrr+d6Qe94uxVGidqCcceOVIKtuVSJEEIs7gdKkrInSqhljUt6zNVry
FSdqTajNvb5yzzsphmkNYuKRz2+diDEz6sWP2WaQZf5jKYVc52bbIvQi7sXe5vuK
kHAh5FDc+sjJoxgZdA1A3He6fJlOhk9eL/b+ERVFfW4td4nyV5I5dCwP6enF8gt/
HQIDAQAB
-----END PUBLIC KEY-----
"""

B3_PLATFORM_CERT_PEM = b"""-----BEGIN CERTIFICATE-----
MIIC0DCCAbigAwIBAgIUUVfwnv3Alt4V6+gaRwV6cjLxuOEwDQYJKoZIhvcNAQEL
BQAwIjEgMB4GA1UEAwwXRmFrZSBXZWNoYXRwYXkgUGxhdGZvcm0wHhcNMjQwMTAx
MDAwMDAwWhcNMzQwMTAxMDAwMDAwWjAiMSAwHgYDVQQDDBdGYWtlIFdlY2hhdHBh
eSBQbGF0Zm9ybTCCASIwDQYJKoZIhvcNAQEBBQADggEPADCCAQoCggEBALqHRbsN
8rkqAE/vNkLltOEF7QXnt48XFaDuMiNOBNfQpZCy76l/rGdqS5snGTo/tlmGxqPa
G09FZHYEHOuBJthqJd7Ws/PI6RVRzWvqUdfEkGoakRGay+mSHIJjTs+6jjRnTIAB
GyzvGKyX7ts+Uxy8ijjAZYFq6/nekHveLsVRonagnHHjlSCrblUiRBCLO4HSpKyJ
0qoZY1LeszVa8hUnak2ozb2+cs87KYZpDWLikc9vnYgxM+rFj9lmkGX+YymFXOdm
2yL0Iu7F3ub7ipBwIeRQ3PrIyaMYGXQNQNx3unyZToZPXi/2/hEVRX1uLXeJ8leS
OXQsD+npxfILfx0CAwEAATANBgkqhkiG9w0BAQsFAAOCAQEAISZCZ9dOmeichWpp
L9Mg8xgO1+uiTtyDFZM31o1nvtxswdMR2SDX38U6p7l03eutpk+6b8r9Ek45AURk
8eU7XSoBszljvFI9cExAZJxZiqAta4kYdKGMu5hC+X1gVdigg+FjDAwu3cEJJejI
2JTsCptFLx84ASR/N0mDyekH+lFStLQF9aG4XFE2DB/lb9OQfQzPpRum9AUhrree
1JZ4pfQDaN1tOT/TUFDdgYh2m+cSDyBrOUMIFnuPVYU1QBdZwFPMTdeKgfKKS9GB
G3um4dCM7O/48Dz1j6c30pmLVJsmdwGjvh/kUZy8vFyZNKd0NXX6fMNraRug2KDP
3XLUtw==
-----END CERTIFICATE-----
"""

A5_SIGNATURE = (
    'tJHIiIS9eB2hAYstmAmbbD3ZE5LiIm/Ug5tuL4fC0YOFRWIHV39UFIZXC0e9Wl6lBu6sKvkqDkzpqzBsVHyXFlbYZTOQrVdG4b6L'
    'fTnK4mikv9++ixJMd3vTf2yCqvBkh98zs3Ds5zsYQakzbcwhmw4fMJs4nPLws28H0UW9FjDR//rxELLwXvV1VEA1IBLX70xptjL8'
    'hrfUjEE8kkry6yNJTHZRU8CAc7qHli2Ng1V1qb9ARbK8A3ThmFmPQvRGrapI/jS2laKKgYUmfdEdkNO6B2Cke5e8VTxY406ArAmQ'
    '90GAihDwIcb16TQMnzCMBoutnwZKNiKRACrFmtxw2Q=='
)

A5_BODY = (
    '{"id":"3119dfba-e649-5eec-ab1e-3412bc4d2e17","create_time":"2021-06-24T16:37:26+08:00","re'
    'source_type":"encrypt-resource","event_type":"PAYSCORE.USER_OPEN_SERVICE","summary":"签约成功"'
    ',"resource":{"original_type":"payscore","algorithm":"AEAD_AES_256_GCM","ciphertext":"YDS3l'
    'KPaC4Y52Gf3uhft5qUBlIa8b428AWTtTauHQfQrRw+X1WpiuHIDy0vo1Vd6VEq67aVyqPdDYMkRVSDaZL3iZttevRM'
    'OoPKMifozg6XPWjIZumks/GpT48lI4NizyeaqLBokNebthah3o1H76qSlO9NkDjp9bzmKLEYYH9TEklFUpsvPqOTOc'
    'gSLgh21YJXYR7dEBXFgRLiNIKRgO5JdXh1hccRUAlyVWxE54PXpnQ==","associated_data":"payscore","non'
    'ce":"Kj7QIyUiYx1q"}}'
).encode()

A5_PLAINTEXT = (
    '{"mchid":"1234567890","appid":"054aa7d7a2a54ab5898df65bd96f001c","create_time":"2020-06-30T12:12:00+'
    '08:00","out_contract_code":"21640bdbd08e473e828f3206a2741c6e"}'
)

B4_BODY = (
    '{"stock_id":"9856000","out_request_no":"89560002019101000121","appid":"wx0123456789abcdef","stock_cr'
    'eator_mchid":"1900000001"}'
)

B4_SIGNATURE = (
    'MKpzIC+Y2o+Xx5McCbZTQe6sfADHc8rGW0fqfg6kclYNgmu4lJ65NoY3d/uVKFnQF63KAPkmXuwwg0VOksT3QGboDbHE7FBCa9OT'
    '/9K91a2ACQYxAawHndZNq4EOqeGBjl6vaZ4cn606X0KFS0SkiFZkTnQh2HU9YEqxXlZvSWTM6o69+peZK8+t0tJnzzXgDWKrAJRQ'
    '31BWzylwqtMauB8ngrocvDuFPDqQ62hSoWZZzY7dJ0Vf3/UYIdYLf5ymR2Il+Dv3aMhCJux5f1pTRV/7No9AaC2YPajJAzHn16tx'
    'QD+VZ7FOGUC0+FgC32R7MZqPun/s3pPVY6xBYHzEmw=='
)

B4_AUTHORIZATION = (
    'WECHATPAY2-SHA256-RSA2048 mchid="1900000001",nonce_str="593BEC0C930BF1AFEB40B4A08C8FB242",signature='
    '"MKpzIC+Y2o+Xx5McCbZTQe6sfADHc8rGW0fqfg6kclYNgmu4lJ65NoY3d/uVKFnQF63KAPkmXuwwg0VOksT3QGboDbHE7FBCa9O'
    'T/9K91a2ACQYxAawHndZNq4EOqeGBjl6vaZ4cn606X0KFS0SkiFZkTnQh2HU9YEqxXlZvSWTM6o69+peZK8+t0tJnzzXgDWKrAJR'
    'Q31BWzylwqtMauB8ngrocvDuFPDqQ62hSoWZZzY7dJ0Vf3/UYIdYLf5ymR2Il+Dv3aMhCJux5f1pTRV/7No9AaC2YPajJAzHn16t'
    'xQD+VZ7FOGUC0+FgC32R7MZqPun/s3pPVY6xBYHzEmw==",timestamp="1700000100",serial_no="3775B6A45ACD588826D'
    '15E583A95F5DD00000000"'
)

A5_TIMESTAMP = 1624523846
A5_HEADERS = {
    "Wechatpay-Timestamp": str(A5_TIMESTAMP),
    "Wechatpay-Nonce": "EcZ9Cmy4Xyx1i6RlJQzLcCyEqDa26NBz",
    "Wechatpay-Serial": "D7CE59D1F522D701",
    "Wechatpay-Signature": A5_SIGNATURE,
}
A5_APIV3_KEY = b"testMchAPIv3Key0"  # 16 bytes in the Go test, so AES-128-GCM

# -- A6: wechatpay-go utils/aes_test.go ----------------------------------------------------------------------
A6_RESOURCE = {"algorithm": "AEAD_AES_256_GCM", "nonce": "wCq51qZv4Yfg",
               "associated_data": "Dl56FrqWQJF1t9LtC3vEUsniZKvbqdR8",
               "ciphertext": "FsdXzxryWfKwvLJKf8LG/ToRPTRh8RN9wROC"}

# -- B3/B4 ---------------------------------------------------------------------------------------------------
B3_CERT_SERIAL = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1"
B3_PUB_KEY_ID = "PUB_KEY_ID_0000000000000000000000000000000001"
B4_PATH = "/v3/marketing/favor/users/oUSER_OPENID_0001/coupons"
B4_TIMESTAMP = 1700000100
B4_NONCE = "593BEC0C930BF1AFEB40B4A08C8FB242"
B4_MERCHANT_SERIAL = "3775B6A45ACD588826D15E583A95F5DD00000000"

APIV3_KEY = b"0123456789abcdefABCDEF0123456789"  # 32 ASCII bytes: a real-shaped (test) APIv3 key
TS = 1_700_000_000
TRANSACTION = {
    "appid": "wxsandbox0000001", "mchid": "1900000001", "out_trade_no": "T20231115000001",
    "transaction_id": "4200000001202311150000000001", "trade_type": "JSAPI", "trade_state": "SUCCESS",
    "trade_state_desc": "支付成功", "bank_type": "OTHERS", "attach": "会员充值", "success_time":
    "2023-11-15T06:13:20+08:00", "payer": {"openid": "oUSER_OPENID_0001"},
    "amount": {"total": 100, "payer_total": 100, "currency": "CNY", "payer_currency": "CNY"},
}


def platform_key():
    return load_pem_private_key(B3_PLATFORM_PRIVATE_PEM, password=None)


def merchant_key():
    return load_pem_private_key(B3_MERCHANT_PRIVATE_PEM, password=None)


def cert_verifier(**kw) -> NotificationVerifier:
    return NotificationVerifier(dict([load_trusted_key(B3_PLATFORM_CERT_PEM)]), APIV3_KEY, **kw)


def notification(**kw) -> tuple[dict[str, str], bytes]:
    """A valid TRANSACTION.SUCCESS signed by the B3 platform key under its certificate serial at TS."""
    kw.setdefault("serial", B3_CERT_SERIAL)
    return build_notification(platform_key(), kw.pop("serial"), kw.pop("apiv3_key", APIV3_KEY),
                              "TRANSACTION.SUCCESS", TRANSACTION, "transaction", timestamp=TS,
                              notification_id="EV-2023111500000001", nonce="n" * 32,
                              resource_nonce="abcdefghijkl", **kw)


def resigned(body: bytes, serial: str = B3_CERT_SERIAL) -> dict[str, str]:
    """Validly signed headers over an arbitrary body: isolates the checks that come after the signature."""
    return sign_response_headers(platform_key(), serial, body, timestamp=TS, nonce="m" * 32)


def envelope_with(body: bytes, **resource_changes: str) -> bytes:
    envelope = json.loads(body)
    envelope["resource"].update(resource_changes)
    return json.dumps(envelope, ensure_ascii=False, separators=(",", ":")).encode()


def rejects(verifier: NotificationVerifier, headers: dict[str, str], body: bytes, error: type,
            code: str, *, now: float = TS) -> WeChatPayNotificationError:
    with pytest.raises(error) as info:
        verifier.verify_and_decrypt(headers, body, now=now)
    assert info.value.code == code
    return info.value


# == published vectors =====================================================================================
def test_a5_certificate_serial_and_notification():
    serial, key = load_trusted_key(A5_CERT_PEM)
    assert serial == "D7CE59D1F522D701"
    verifier = NotificationVerifier({serial: key}, A5_APIV3_KEY)
    note = verifier.verify_and_decrypt(A5_HEADERS, A5_BODY, now=A5_TIMESTAMP)
    assert note.id == "3119dfba-e649-5eec-ab1e-3412bc4d2e17"
    assert note.create_time == "2021-06-24T16:37:26+08:00"
    assert note.event_type == "PAYSCORE.USER_OPEN_SERVICE"
    assert note.resource_type == "encrypt-resource"
    assert note.summary == "签约成功"
    assert note.original_type == "payscore"
    assert note.resource == json.loads(A5_PLAINTEXT)


def test_a5_header_names_are_case_insensitive_and_body_is_raw_bytes():
    serial, key = load_trusted_key(A5_CERT_PEM)
    verifier = NotificationVerifier({serial: key}, A5_APIV3_KEY)
    lowered = {name.lower(): value for name, value in A5_HEADERS.items()}
    assert verifier.verify_and_decrypt(lowered, A5_BODY, now=A5_TIMESTAMP).resource["mchid"] == "1234567890"
    # the same JSON re-serialised with \u escapes is a different byte string: the signature must fail
    escaped = json.dumps(json.loads(A5_BODY), separators=(",", ":")).encode()
    assert escaped != A5_BODY
    rejects(verifier, A5_HEADERS, escaped, NotificationSignatureError, "SIGN_ERROR", now=A5_TIMESTAMP)


def test_a6_aes_gcm_vector_and_wrong_key():
    assert decrypt_resource(b"testAPIv3Key0000", A6_RESOURCE) == "Hello World"
    sealed = encrypt_resource(b"testAPIv3Key0000", "Hello World", A6_RESOURCE["associated_data"],
                              nonce=A6_RESOURCE["nonce"])
    assert sealed == A6_RESOURCE
    with pytest.raises(DecryptError) as info:
        decrypt_resource(b"testAPIv3Key1111", A6_RESOURCE)
    assert info.value.code == "DECRYPT_ERROR"


def test_b3_key_material_is_consistent():
    serial, cert_key = load_trusted_key(B3_PLATFORM_CERT_PEM)
    assert serial == B3_CERT_SERIAL
    _, bare_key = load_trusted_key(B3_PLATFORM_PUBLIC_PEM, B3_PUB_KEY_ID)
    numbers = platform_key().public_key().public_numbers()
    assert cert_key.public_numbers() == bare_key.public_numbers() == numbers
    _, merchant_public = load_trusted_key(B3_MERCHANT_PUBLIC_PEM, "merchant")
    assert merchant_public.public_numbers() == merchant_key().public_key().public_numbers()
    with pytest.raises(ValueError):
        load_trusted_key(B3_PLATFORM_PUBLIC_PEM)  # a bare key has no id of its own


def test_b4_outgoing_request_signature_exact():
    header = sign_request(merchant_key(), "POST", B4_PATH, B4_BODY, mchid="1900000001",
                          serial_no=B4_MERCHANT_SERIAL, timestamp=B4_TIMESTAMP, nonce=B4_NONCE)
    assert header == B4_AUTHORIZATION
    assert parse_authorization(header)["signature"] == B4_SIGNATURE
    message = f"POST\n{B4_PATH}\n{B4_TIMESTAMP}\n{B4_NONCE}\n{B4_BODY}\n"
    assert sign_message(merchant_key(), message) == B4_SIGNATURE


def test_b4_checked_the_way_the_platform_does():
    _, public = load_trusted_key(B3_MERCHANT_PUBLIC_PEM, "merchant")
    fields = verify_request_authorization(public, "POST", B4_PATH, B4_BODY.encode(), B4_AUTHORIZATION,
                                          now=B4_TIMESTAMP + 10)
    assert fields == {"mchid": "1900000001", "nonce_str": B4_NONCE, "signature": B4_SIGNATURE,
                      "timestamp": str(B4_TIMESTAMP), "serial_no": B4_MERCHANT_SERIAL}
    bad = [
        ("POST", B4_PATH, B4_BODY.replace("9856000", "9856001"), B4_TIMESTAMP),  # tampered body
        ("GET", B4_PATH, B4_BODY, B4_TIMESTAMP),  # other method
        ("POST", B4_PATH + "?x=1", B4_BODY, B4_TIMESTAMP),  # other canonical URL
        ("POST", B4_PATH, B4_BODY, B4_TIMESTAMP + 300),  # stale
        ("POST", B4_PATH, B4_BODY, B4_TIMESTAMP - 300),  # from the future
    ]
    for method, url, body, now in bad:
        with pytest.raises(SignatureError):
            verify_request_authorization(public, method, url, body, B4_AUTHORIZATION, now=now)
    _, platform_public = load_trusted_key(B3_PLATFORM_PUBLIC_PEM, B3_PUB_KEY_ID)
    with pytest.raises(SignatureError):  # wrong key
        verify_request_authorization(platform_public, "POST", B4_PATH, B4_BODY, B4_AUTHORIZATION,
                                     now=B4_TIMESTAMP)


@pytest.mark.parametrize("header", [
    "",
    B4_AUTHORIZATION.replace("WECHATPAY2-SHA256-RSA2048", "WECHATPAY2-SHA256-RSA"),
    B4_AUTHORIZATION.replace(',serial_no="3775B6A45ACD588826D15E583A95F5DD00000000"', ""),
    B4_AUTHORIZATION.replace('nonce_str="', 'nonce_str=\''),
    B4_AUTHORIZATION + ',mchid="1900000002"',
])
def test_parse_authorization_rejects_malformed_headers(header):
    with pytest.raises(SignatureError):
        parse_authorization(header)


def test_sign_and_verify_message():
    signature = sign_message(platform_key(), "hello\n")
    _, public = load_trusted_key(B3_PLATFORM_CERT_PEM)
    verify_signature(public, "hello\n", signature)
    for message, sig in (("hello", signature), ("hello\n", "!!not base64!!"), ("hello\n", signature[4:])):
        with pytest.raises(SignatureError):
            verify_signature(public, message, sig)


# == notifications built here (B3 platform key) ============================================================
def test_notification_layout_matches_the_platform():
    headers, body = notification()
    assert headers["Wechatpay-Serial"] == B3_CERT_SERIAL
    assert headers["Wechatpay-Timestamp"] == str(TS)
    assert headers["Wechatpay-Signature-Type"] == "WECHATPAY2-SHA256-RSA2048"
    text = body.decode("utf-8")
    assert "支付成功" in text and "\\u" not in text and ", " not in text and ": " not in text
    envelope = json.loads(body)
    assert list(envelope) == ["id", "create_time", "resource_type", "event_type", "summary", "resource"]
    assert list(envelope["resource"]) == ["original_type", "algorithm", "ciphertext", "associated_data",
                                          "nonce"]
    assert envelope["create_time"] == "2023-11-15T06:13:20+08:00"  # TS in Asia/Shanghai
    assert envelope["resource"]["associated_data"] == "transaction"
    assert len(envelope["resource"]["nonce"]) == 12


@pytest.mark.parametrize("mode", ["certificate", "public_key"])
def test_notification_verifies_in_both_key_modes(mode):
    serial = B3_CERT_SERIAL if mode == "certificate" else B3_PUB_KEY_ID
    pem = B3_PLATFORM_CERT_PEM if mode == "certificate" else B3_PLATFORM_PUBLIC_PEM
    verifier = NotificationVerifier(dict([load_trusted_key(pem, None if mode == "certificate" else serial)]),
                                    APIV3_KEY)
    headers, body = notification(serial=serial)
    note = verifier.verify_and_decrypt(headers, body, now=TS)
    assert note.resource == TRANSACTION
    assert (note.id, note.event_type, note.original_type, note.summary) == (
        "EV-2023111500000001", "TRANSACTION.SUCCESS", "transaction", "支付成功")


def test_migration_verifier_accepts_both_serials():
    keys = dict([load_trusted_key(B3_PLATFORM_CERT_PEM),
                 load_trusted_key(B3_PLATFORM_PUBLIC_PEM, B3_PUB_KEY_ID)])
    verifier = NotificationVerifier(keys, APIV3_KEY)
    for serial in (B3_CERT_SERIAL, B3_PUB_KEY_ID):
        headers, body = notification(serial=serial)
        assert verifier.verify_and_decrypt(headers, body, now=TS).resource == TRANSACTION


def test_api_response_verification():
    body = b'{"coupon_id":"9867041"}'
    headers = resigned(body)
    verify_response(cert_verifier(), headers, body, now=TS)
    with pytest.raises(NotificationSignatureError):
        verify_response(cert_verifier(), headers, b'{"coupon_id":"9867042"}', now=TS)


# == rejections ============================================================================================
def test_tampered_body():
    headers, body = notification()
    cert_verifier().verify_and_decrypt(headers, body, now=TS)
    tampered = body.replace("支付成功".encode(), "支付失败".encode())
    assert tampered != body
    rejects(cert_verifier(), headers, tampered, NotificationSignatureError, "SIGN_ERROR")


def test_tampered_header_fields():
    headers, body = notification()
    for name, value in (("Wechatpay-Nonce", "x" * 32), ("Wechatpay-Timestamp", str(TS + 1))):
        rejects(cert_verifier(), {**headers, name: value}, body, NotificationSignatureError, "SIGN_ERROR")


def test_wrong_public_key_under_the_right_serial():
    _, merchant_public = load_trusted_key(B3_MERCHANT_PUBLIC_PEM, "x")
    headers, body = notification()
    rejects(NotificationVerifier({B3_CERT_SERIAL: merchant_public}, APIV3_KEY), headers, body,
            NotificationSignatureError, "SIGN_ERROR")


@pytest.mark.parametrize("skew", [300, 301, -300, -301, 86_400])
def test_stale_timestamp(skew):
    headers, body = notification()
    rejects(cert_verifier(), headers, body, StaleTimestamp, "STALE_TIMESTAMP", now=TS + skew)


@pytest.mark.parametrize("skew", [299, -299, 0.5])
def test_timestamp_within_window(skew):
    headers, body = notification()
    assert cert_verifier().verify_and_decrypt(headers, body, now=TS + skew).resource == TRANSACTION


def test_max_skew_is_configurable():
    headers, body = notification()
    rejects(cert_verifier(max_skew_seconds=60), headers, body, StaleTimestamp, "STALE_TIMESTAMP", now=TS + 61)


def test_bad_ciphertext():
    _, body = notification()
    ciphertext = json.loads(body)["resource"]["ciphertext"]
    flipped = ("B" if ciphertext[0] == "A" else "A") + ciphertext[1:]
    intact = envelope_with(body)
    cert_verifier().verify_and_decrypt(resigned(intact), intact, now=TS)
    for bad in (flipped, ciphertext[:-8], "not*base64"):
        corrupt = envelope_with(body, ciphertext=bad)
        rejects(cert_verifier(), resigned(corrupt), corrupt, DecryptError, "DECRYPT_ERROR")
    other_aad = envelope_with(body, associated_data="refund")
    rejects(cert_verifier(), resigned(other_aad), other_aad, DecryptError, "DECRYPT_ERROR")


def test_wrong_apiv3_key():
    headers, body = notification(apiv3_key=b"Z" * 32)
    rejects(cert_verifier(), headers, body, DecryptError, "DECRYPT_ERROR")


def test_unsupported_algorithm():
    _, body = notification()
    other = envelope_with(body, algorithm="AEAD_SM4_GCM")
    rejects(cert_verifier(), resigned(other), other, UnsupportedAlgorithm, "DECRYPT_ERROR")


def test_unknown_serial_is_refused_without_network(monkeypatch):
    calls: list[str] = []

    def no_network(name):
        def refuse(*args, **kwargs):
            calls.append(name)
            raise AssertionError(f"network access attempted: {name}")
        return refuse

    monkeypatch.setattr(socket.socket, "connect", no_network("connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", no_network("connect_ex"))
    monkeypatch.setattr(socket, "getaddrinfo", no_network("getaddrinfo"))
    monkeypatch.setattr(socket, "create_connection", no_network("create_connection"))
    headers, body = notification(serial="1234567890ABCDEF1234567890ABCDEF12345678")
    rejects(cert_verifier(), headers, body, UnknownSerial, "UNKNOWN_SERIAL")
    headers, body = notification(serial="PUB_KEY_ID_0000000000000000000000000000009999")
    rejects(cert_verifier(), headers, body, UnknownSerial, "UNKNOWN_SERIAL")
    assert calls == []


def test_signtest_probe():
    headers, body = notification()
    probe = {**headers, "Wechatpay-Signature": "WECHATPAY/SIGNTEST/" + headers["Wechatpay-Signature"]}
    rejects(cert_verifier(), probe, body, SignatureProbe, "SIGN_ERROR")


@pytest.mark.parametrize("missing", ["Wechatpay-Timestamp", "Wechatpay-Nonce", "Wechatpay-Signature",
                                     "Wechatpay-Serial"])
def test_missing_header(missing):
    headers, body = notification()
    cert_verifier().verify_and_decrypt(headers, body, now=TS)
    partial = {name: value for name, value in headers.items() if name != missing}
    rejects(cert_verifier(), partial, body, NotificationBadRequest, "BAD_REQUEST")
    rejects(cert_verifier(), {**headers, missing: ""}, body, NotificationBadRequest, "BAD_REQUEST")


def test_signature_type_other_than_rsa2048():
    headers, body = notification()
    cert_verifier().verify_and_decrypt({**headers, "Wechatpay-Signature-Type": "WECHATPAY2-SHA256-RSA2048"},
                                       body, now=TS)
    other = {**headers, "Wechatpay-Signature-Type": "WECHATPAY2-SM2-WITH-SM3"}
    rejects(cert_verifier(), other, body, NotificationSignatureError, "SIGN_ERROR")


def test_non_numeric_timestamp():
    headers, body = notification()
    rejects(cert_verifier(), {**headers, "Wechatpay-Timestamp": "17e8"}, body, NotificationBadRequest,
            "BAD_REQUEST")


@pytest.mark.parametrize("body", [b"not json", b'{"id":"x"', b"[]", b'{"id":"x","resource":"no"}',
                                  '{"id":"签名"'.encode("gbk")])
def test_malformed_body_behind_a_valid_signature(body):
    rejects(cert_verifier(), resigned(body), body, NotificationBadRequest, "BAD_REQUEST")


def test_verifier_needs_a_trusted_key():
    with pytest.raises(ValueError):
        NotificationVerifier({}, APIV3_KEY)


# == dev keys ==============================================================================================
def test_dev_keys_shape_and_idempotence(tmp_path):
    keys = generate_dev_keys(tmp_path / "keys")
    assert keys.platform_public_key_id.startswith("PUB_KEY_ID_")
    assert len(keys.platform_public_key_id) == 43 and keys.platform_public_key_id[11:].isdigit()
    assert len(keys.merchant_serial) == 40 and keys.merchant_serial == keys.merchant_serial.upper()
    int(keys.merchant_serial, 16)
    assert len(keys.apiv3_key) == 32 and keys.apiv3_key.isascii()
    assert len(keys.platform_certificate_serial) == 40
    cert_serial = load_trusted_key(keys.platform_certificate_path.read_bytes())[0]
    assert cert_serial == keys.platform_certificate_serial
    manifest = json.loads(keys.manifest_path.read_text())
    assert manifest["merchant_serial"] == keys.merchant_serial
    assert keys.platform_private_key_path.stat().st_mode & 0o077 == 0
    again = generate_dev_keys(tmp_path / "keys")
    assert again == keys
    # the pairs belong together: what one side signs, the other verifies
    signature = sign_message(load_private_key(keys.merchant_private_key_path), "m")
    verify_signature(load_public_key(keys.merchant_public_key_path), "m", signature)
    headers, body = build_notification(keys.platform_private_key(), keys.platform_public_key_id,
                                       keys.apiv3_key.encode(), "TRANSACTION.SUCCESS", TRANSACTION,
                                       "transaction", timestamp=TS)
    note = NotificationVerifier(keys.trusted_platform_keys(), keys.apiv3_key.encode()).verify_and_decrypt(
        headers, body, now=TS)
    assert note.resource == TRANSACTION


def test_dev_keys_race_between_processes(tmp_path):
    """Processes starting together must all end up with the one key set that was committed."""
    script = textwrap.dedent(f"""
        import json, sys
        from pathlib import Path
        sys.path.insert(0, {str(ROOT)!r})
        from app.wechatpay.keys import generate_dev_keys
        k = generate_dev_keys(Path(sys.argv[1]))
        print(json.dumps([k.merchant_serial, k.platform_public_key_id, k.apiv3_key,
                          k.merchant_public_key_path.read_text(), k.platform_private_key_path.read_text()]))
    """)
    procs = [subprocess.Popen([sys.executable, "-c", script, str(tmp_path / "race")], stdout=subprocess.PIPE,
                              text=True) for _ in range(6)]
    outputs = [proc.communicate(timeout=60)[0] for proc in procs]
    assert all(proc.returncode == 0 for proc in procs)
    assert len({out for out in outputs}) == 1
    merchant_serial, *_ = json.loads(outputs[0])
    assert generate_dev_keys(tmp_path / "race").merchant_serial == merchant_serial
    leftovers = [p.name for p in (tmp_path / "race").iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []
