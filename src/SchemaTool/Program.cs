using SchemaTool.Cli;

SessionStats.Start();
var code = CommandLine.Run(args, Console.Out, Console.Error);
SessionStats.Report(Console.Error);
return code;
