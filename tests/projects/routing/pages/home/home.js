const track = require('../../utils/track.js')
Page(track('home'))
