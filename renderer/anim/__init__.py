"""Styles that change over time: wx.createAnimation data, this.animate keyframes and CSS
transitions, driven by the simulator's clock (`engine.Animator`)."""
