// h2corridor: hydrogen corridors and refuelling-station economics. One file per command.
installInterruptHandlers()
H2Corridor.main()
