// The module's tests live beside this file.
