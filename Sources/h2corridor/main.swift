// h2corridor: hydrogen corridors and refuelling-station economics. One file per command.
H2Corridor.main()
