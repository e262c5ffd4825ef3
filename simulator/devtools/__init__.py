"""Qt-free models behind the devtool panels: traffic log and diff, audits, reports, console,
AppData, WXML inspection and storage. The widgets in simulator/ui/panels are thin views over these."""
