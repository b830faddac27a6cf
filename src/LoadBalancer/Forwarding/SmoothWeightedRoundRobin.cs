namespace LoadBalancer.Forwarding;

/// <summary>
/// nginx's smooth weighted round robin: over any window of sum(weights) picks each entry is chosen in proportion
/// to its weight, interleaved rather than in bursts. Weight 0 is never chosen.
/// </summary>
internal sealed class SmoothWeightedRoundRobin(int[] weights)
{
    private readonly int[] _current = new int[weights.Length];
    private readonly Lock _lock = new();

    /// <summary>The next index among those <paramref name="eligible"/> accepts, or -1 when none has weight.</summary>
    public int Next<TFilter>(TFilter eligible)
        where TFilter : struct, IIndexFilter
    {
        lock (_lock)
        {
            var best = -1;
            var total = 0;
            for (var i = 0; i < weights.Length; i++)
            {
                if (weights[i] <= 0 || !eligible.Allows(i))
                {
                    continue;
                }

                _current[i] += weights[i];
                total += weights[i];
                if (best < 0 || _current[i] > _current[best])
                {
                    best = i;
                }
            }

            if (best >= 0)
            {
                _current[best] -= total;
            }

            return best;
        }
    }
}

/// <summary>Which entries a pick may choose; a struct, so a pick per request allocates no delegate.</summary>
internal interface IIndexFilter
{
    bool Allows(int index);
}

/// <summary>Every entry.</summary>
internal readonly struct AnyIndex : IIndexFilter
{
    public bool Allows(int index) => true;
}
