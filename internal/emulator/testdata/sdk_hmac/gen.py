#!/usr/bin/env python3
"""SDK-HMAC-SHA256 test vectors, computed independently of the Go code.

A second implementation of the signature of Huawei Cloud's API gateway, as
the SDK computes it (huaweicloud-sdk-go-v3 core/auth/signer/signer.go:
CanonicalRequest, CanonicalURI, CanonicalQueryString, CanonicalHeaders,
StringToSign, SignStringToSign; escape.go), written with Python's hashlib,
hmac and urllib only. Its output, vectors.json, is committed: the emulator's
verifier (internal/emulator, huaweicloud_sign_test.go) and the client's
signer (internal/huaweicloud, signer_test.go) must both reproduce it.

    python3 gen.py > vectors.json
"""
import hashlib
import hmac
import json
import urllib.parse

ALGORITHM = "SDK-HMAC-SHA256"


def escape(s):
    # Every byte of the UTF-8 form but A-Z a-z 0-9 - _ . ~, as %XX in upper case.
    return urllib.parse.quote(s, safe="-_.~")


def canonical_uri(path):
    uri = "/".join(escape(seg) for seg in path.split("/"))
    return uri if uri.endswith("/") else uri + "/"


def canonical_query(pairs):
    query = {}
    for k, v in pairs:
        query.setdefault(k.lower(), []).append(v)
    return "&".join(escape(k) + "=" + escape(v) for k in sorted(query) for v in sorted(query[k]))


def canonical_headers(headers, signed):
    lower = {}
    for k, v in headers.items():
        lower.setdefault(k.lower(), []).append(v)
    lines = [name + ":" + v.strip() for name in signed for v in sorted(lower.get(name, []))]
    return "\n".join(lines) + "\n"


def sign(v):
    signed = sorted(k.lower() for k in v["headers"] if not k.lower().startswith("content-type") and "_" not in k)
    body = v["body"].encode("utf-8")
    payload = v["headers"].get("X-Sdk-Content-Sha256") or hashlib.sha256(body).hexdigest()
    canonical = "\n".join([
        v["method"].upper(),
        canonical_uri(v["path"]),
        canonical_query(v["query"]),
        canonical_headers(v["headers"], signed),
        ";".join(signed),
        payload,
    ])
    string_to_sign = "\n".join([ALGORITHM, v["headers"]["X-Sdk-Date"], hashlib.sha256(canonical.encode("utf-8")).hexdigest()])
    signature = hmac.new(v["secret_key"].encode("utf-8"), string_to_sign.encode("utf-8"), hashlib.sha256).hexdigest()
    v.update(signed_headers=signed, canonical_request=canonical, string_to_sign=string_to_sign, signature=signature,
             authorization="%s Access=%s, SignedHeaders=%s, Signature=%s" % (ALGORITHM, v["access_key"], ";".join(signed), signature))
    return v


PROJECT = "0f5e2a7c9b3d4e6f8a1b2c3d4e5f6a7b"
HOST = "clouddc.cn-east-3.myhuaweicloud.com"


def base(name, method, path, query=(), body="", date="20251104T091530Z", extra=None):
    headers = {"Host": HOST, "X-Project-Id": PROJECT, "X-Sdk-Date": date, "Content-Type": "application/json;charset=UTF-8"}
    headers.update(extra or {})
    return {"name": name, "method": method, "path": path, "query": [list(p) for p in query], "headers": headers,
            "body": body, "access_key": "HWVECTORAK0000000001", "secret_key": "vector-secret-key-0123456789abcdefghijkl"}


VECTORS = [
    base("ListInstances by id with a limit", "GET", "/v1/%s/instances" % PROJECT,
         [("limit", "100"), ("instance_id", "3d0b6f8e-2a4c-4e1f-9b7a-5c6d8e9f0a1b,7e1c2d3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f")]),
    base("ListInstances, repeated and escaped query values", "GET", "/v1/%s/instances" % PROJECT,
         [("marker", "a b+c/d"), ("instance_state", "shutting-down"), ("marker", "A~z_0.9"), ("limit", "10")]),
    base("CreateInstance with a non-ASCII body", "POST", "/v1/%s/instances" % PROJECT,
         body='{"name":"web-01.\u6570\u636e","image_id":"8d2b4c6e-1f3a-4b5c-9d7e-0a1b2c3d4e5f","password":"Pa$$w0rd-x"}'),
    base("DeleteInstance", "DELETE", "/v1/%s/instances/3d0b6f8e-2a4c-4e1f-9b7a-5c6d8e9f0a1b" % PROJECT),
    base("batch-delete with a security token", "POST", "/v1/%s/instances/batch-delete" % PROJECT,
         body='{"instance_id_set":["3d0b6f8e-2a4c-4e1f-9b7a-5c6d8e9f0a1b"]}',
         extra={"X-Security-Token": "  token-with-spaces  ", "X_Not_Signed": "underscore"}),
    base("unsigned payload", "PUT", "/v1/%s/instances/password" % PROJECT, body='{"new_password":"x"}',
         extra={"X-Sdk-Content-Sha256": "UNSIGNED-PAYLOAD"}),
]

if __name__ == "__main__":
    print(json.dumps({"generator": "gen.py (Python hashlib/hmac/urllib, independent of the Go signers)",
                      "vectors": [sign(v) for v in VECTORS]}, indent=1, ensure_ascii=False))
