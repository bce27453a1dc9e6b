// One dotnet watch per site and one browser per run: the scenarios run one at a time.
[assembly: DoNotParallelize]
