Component({ options: { multipleSlots: true } })
