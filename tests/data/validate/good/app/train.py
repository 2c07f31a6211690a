"""Training entry point."""
import os


def main() -> int:
    password = os.environ["DB_PASSWORD"]
    api_token = os.getenv("API_TOKEN", "")
    print(len(password) + len(api_token))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
