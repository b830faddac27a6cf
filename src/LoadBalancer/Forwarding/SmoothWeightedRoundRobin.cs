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
    public int Next(Func<int, bool> eligible)
    {
        lock (_lock)
        {
            var best = -1;
            var total = 0;
            for (var i = 0; i < weights.Length; i++)
            {
                if (weights[i] <= 0 || !eligible(i))
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
