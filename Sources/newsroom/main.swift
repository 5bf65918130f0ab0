print("newsroom: not yet wired")
