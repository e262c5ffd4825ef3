"""wx.createAnimation and this.animate (not yet: see docs/api-coverage.md)."""
