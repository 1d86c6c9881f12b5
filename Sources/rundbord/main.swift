print("rundbord")
