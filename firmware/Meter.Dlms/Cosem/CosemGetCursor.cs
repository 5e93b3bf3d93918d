namespace Meter.Dlms
{
    /// <summary>
    /// Where one GET of an attribute that is written in parts stands (<see cref="ICosemObjects.GetSelected"/>):
    /// the access selector of the request, whether the object has more to write, and a few numbers the object
    /// keeps its position in (e.g. the next buffer entry and how many are left). One instance a GET service,
    /// allocated once; the object keeps no per-GET state of its own, so several servers can share it.
    /// </summary>
    public sealed class CosemGetCursor
    {
        /// <summary>Numbers an object may keep in <see cref="State"/>.</summary>
        public const int StateLength = 8;

        /// <summary>The object's own position (meaning defined by the object).</summary>
        public readonly long[] State = new long[StateLength];

        /// <summary>access-selector of the request (0 = no selective access).</summary>
        public int Selector { get; private set; }

        /// <summary>False on the first call of a GET (parameters given), true when the object is asked for the
        /// next part.</summary>
        public bool Continuing { get; private set; }

        /// <summary>Set by the object when it stopped before the end of the value (the writer had no room for
        /// the next element): it is called again with <see cref="Continuing"/> for the rest.</summary>
        public bool More { get; set; }

        /// <summary>Starts a GET with <paramref name="selector"/>.</summary>
        public void Begin(int selector)
        {
            Selector = selector;
            Continuing = false;
            More = false;
            for (int i = 0; i < StateLength; i++) State[i] = 0;
        }

        /// <summary>Asks for the next part.</summary>
        public void Continue()
        {
            Continuing = true;
            More = false;
        }
    }
}
