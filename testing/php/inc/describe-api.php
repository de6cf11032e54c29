<?php
/*
 * Prints every function and class of the Click2Dial namespace as Reflection sees it, one line
 * each, sorted. Run once with the extension and once with click2dial.stub.php (and no
 * extension): the two must print the same.
 */

declare(strict_types=1);

function describe_parameters(ReflectionFunctionAbstract $f): string
{
    $params = [];
    foreach ($f->getParameters() as $p) {
        $attributes = array_map(fn($a) => '#[' . $a->getName() . '] ', $p->getAttributes());
        $params[] = implode('', $attributes) . ($p->hasType() ? $p->getType() . ' ' : '')
            . ($p->isPassedByReference() ? '&' : '') . ($p->isVariadic() ? '...' : '') . '$' . $p->getName()
            . ($p->isDefaultValueAvailable() ? ' = ' . strtolower(var_export($p->getDefaultValue(), true))
                : ($p->isOptional() && !$p->isVariadic() ? ' = ?' : ''));
    }
    return '(' . implode(', ', $params) . ')' . ($f->hasReturnType() ? ': ' . $f->getReturnType() : '');
}

function describe_api(): array
{
    $lines = [];
    $defined = get_defined_functions();
    foreach (array_merge($defined['internal'], $defined['user']) as $name) {
        if (str_starts_with($name, 'click2dial\\')) {
            $f = new ReflectionFunction($name);
            $lines[] = 'function ' . $f->getName() . describe_parameters($f);
        }
    }
    foreach (get_declared_classes() as $name) {
        if (!str_starts_with(strtolower($name), 'click2dial\\')) {
            continue;
        }
        $c = new ReflectionClass($name);
        $line = ($c->isFinal() ? 'final ' : '') . ($c->isAbstract() ? 'abstract ' : '') . 'class ' . $c->getName();
        $line .= $c->getParentClass() ? ' extends ' . $c->getParentClass()->getName() : '';
        $interfaces = $c->getInterfaceNames();
        sort($interfaces);
        $line .= $interfaces ? ' implements ' . implode(', ', $interfaces) : '';
        $lines[] = $line;
        foreach ($c->getMethods() as $m) {
            if ($m->getDeclaringClass()->getName() === $c->getName()) {
                $lines[] = '  method ' . $c->getName() . '::' . $m->getName() . describe_parameters($m);
            }
        }
        foreach ($c->getReflectionConstants() as $k) {
            if ($k->getDeclaringClass()->getName() === $c->getName()) {
                $lines[] = '  const ' . $c->getName() . '::' . $k->getName() . ' = ' . var_export($k->getValue(), true);
            }
        }
    }
    sort($lines);
    return $lines;
}
