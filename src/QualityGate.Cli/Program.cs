using QualityGate.Cli.Commands;

// qgate: one program serves the command line, CI and the MSBuild task, which runs it as a process.
return CommandLine.Run(args);
