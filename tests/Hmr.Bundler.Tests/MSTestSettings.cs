// Each test writes its own temp folder and starts its own Node processes: safe to run two at a time (the machine is shared).
[assembly: Parallelize(Workers = 2, Scope = ExecutionScope.MethodLevel)]
