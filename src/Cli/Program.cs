using HyperTune.Cli;

using var interrupted = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    interrupted.Cancel();
};

return await CliApp.RunAsync(args, CliEnvironment.FromConsole(), interrupted.Token);
