"""Recorded QA flows: the file format (`model`), recording (`recorder`), stable selectors
(`targets`) and headless replay (`runner`, `report`, `command` for `wxsim test`). Qt-free."""
