package org.muster.demo;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** With {@code muster.demo=true}, loads the demo before the server accepts its first request. */
@Component
@ConditionalOnProperty(name = "muster.demo", havingValue = "true")
class DemoOnStart implements SmartInitializingSingleton {
    private final DemoData demo;

    DemoOnStart(DemoData demo) {
        this.demo = demo;
    }

    @Override
    public void afterSingletonsInstantiated() {
        demo.load();
    }
}
