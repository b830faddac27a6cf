using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace LoadBalancer.Tests.Support;

/// <summary>Every log event of a host under test, to assert on what the log says.</summary>
internal sealed class CapturedLogs : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyList<LogEvent> Events => _events.ToArray();

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    public IEnumerable<string> Messages => Events.Select(e => e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture));

    public async Task<LogEvent> WaitForAsync(Func<LogEvent, bool> predicate, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (DateTime.UtcNow < deadline)
        {
            var found = Events.FirstOrDefault(predicate);
            if (found is not null)
            {
                return found;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException("no such log event; the log has:\n" + string.Join("\n", Messages));
    }

    public static string Property(LogEvent e, string name) =>
        e.Properties.TryGetValue(name, out var value) ? (value is ScalarValue { Value: var v } ? v?.ToString() ?? "" : value.ToString()) : "";
}
