"""Devtool panels docked beside the device: thin Qt views over simulator/devtools models."""
