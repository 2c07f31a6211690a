import os

API_KEY = os.environ["API_KEY"]
client_secret = "a8f5f167f44f4964e6c998dee827110c"
PRIVATE = """
-----BEGIN RSA PRIVATE KEY-----
MIIEowIBAAKCAQEA
-----END RSA PRIVATE KEY-----
"""
allowed_token = "Zm9vYmFyYmF6cXV4MTIz"  # mlops:allow-secret
