using HyperTune.Bench;

return args.FirstOrDefault() switch
{
    "training" => TrainingThroughputBenchmark.Run(args.Skip(1).ToArray()),
    "memory" => TrainingMemoryBenchmark.Run(args.Skip(1).ToArray()),
    "orchestration" => await OrchestrationOverheadBenchmark.RunAsync(args.Skip(1).ToArray()),
    "quality" => await SearchQualityBenchmark.RunAsync(args.Skip(1).ToArray()),
    "tpe" => TpeCostBenchmark.Run(args.Skip(1).ToArray()),
    "study-store" => await StudyStoreBenchmark.RunAsync(args.Skip(1).ToArray()),
    "validation" => SpecValidationBenchmark.Run(args.Skip(1).ToArray()),
    "search-scale" => SearchScaleBenchmark.Run(args.Skip(1).ToArray()),
    "bookkeeping" => await BookkeepingBenchmark.RunAsync(args.Skip(1).ToArray()),
    "restart" => await RestartBenchmark.RunAsync(args.Skip(1).ToArray()),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: HyperTune.Bench training [--rounds N] [--epochs N] [--checkpoint-every N] | memory [--epochs N] | orchestration [--trials N] [--epochs N] [--slots N] | quality [--trials N] [--slots N] [--seed N] | tpe [--suggestions N] | study-store [--writes N] [--batches N] [--pairs N] [--baseline-pairs N] [--postgres CONNECTION-STRING | --no-postgres] | validation [--sizes N,N,...] [--rounds N] | search-scale [--sizes 1000,10000,100000] [--window N] [--only ARM,…] | bookkeeping [--trials N] [--epochs N] [--seconds S] [--slots N] [--store sqlite|postgres|memory] [--postgres CONNECTION-STRING] | restart [--sizes 1000,10000,100000] [--epochs N] [--store sqlite|postgres]");
    return 2;
}
