using QualityGate.Cli.AddOns;
using QualityGate.Cli.Commands;
using QualityGate.Scoring;

// qgate: one program serves the command line, CI and the MSBuild task, which runs it as a process.
Scorers.FindAddOn = OnnxAddOn.Find;
return CommandLine.Run(args);
