region  = "eu-west-1"
unknown = "x"
