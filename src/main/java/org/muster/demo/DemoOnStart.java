package org.muster.demo;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** With {@code muster.demo=true}, loads the demo before the server accepts its first request. */
@Component
class DemoOnStart implements SmartInitializingSingleton {
    private final DemoData demo;
    private final boolean enabled;

    DemoOnStart(DemoData demo, @Value("${muster.demo:false}") boolean enabled) {
        this.demo = demo;
        this.enabled = enabled;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (enabled) {
            demo.load();
        }
    }
}
