Component({ properties: { mode: String } })
