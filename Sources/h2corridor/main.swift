print("h2corridor")
