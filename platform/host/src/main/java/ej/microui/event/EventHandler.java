package ej.microui.event;

/** Receives MicroUI events (an event is a packed int: type, generator, data). */
public interface EventHandler {

    /**
     * @param event the event
     * @return true if the event was consumed
     */
    boolean handleEvent(int event);
}
