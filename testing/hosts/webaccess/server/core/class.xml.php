<?php
/*
 * The XML of zarafa.php requests and replies, in WebAccess' array shape: an element's
 * attributes under "attributes", text children as strings, repeated children as lists.
 */
class HostXml
{
	/** <zarafa><module name id><action type>..</action></module></zarafa> -> list of modules. */
	static function parseRequest($body)
	{
		$document = new DOMDocument();
		// No network, no entities: the body comes from the browser.
		if ($body === '' || !@$document->loadXML($body, LIBXML_NONET)) {
			return false;
		}
		$modules = array();
		foreach ($document->documentElement->childNodes as $module) {
			if ($module->nodeType !== XML_ELEMENT_NODE || $module->nodeName !== 'module') {
				continue;
			}
			$actions = array();
			foreach ($module->childNodes as $action) {
				if ($action->nodeType === XML_ELEMENT_NODE && $action->nodeName === 'action') {
					$actions[] = self::toArray($action);
				}
			}
			$modules[] = array('name' => strtolower($module->getAttribute('name')),
				'id' => $module->getAttribute('id'), 'actions' => $actions);
		}
		return $modules;
	}

	static function toArray(DOMElement $element)
	{
		$result = array();
		if ($element->attributes->length > 0) {
			foreach ($element->attributes as $attribute) {
				$result['attributes'][$attribute->name] = $attribute->value;
			}
		}
		$hasElements = false;
		foreach ($element->childNodes as $child) {
			if ($child->nodeType !== XML_ELEMENT_NODE) {
				continue;
			}
			$hasElements = true;
			$value = self::hasElementChildren($child) || $child->attributes->length ? self::toArray($child) : $child->textContent;
			if (!isset($result[$child->nodeName])) {
				$result[$child->nodeName] = $value;
			} else {
				if (!is_array($result[$child->nodeName]) || !array_is_list($result[$child->nodeName])) {
					$result[$child->nodeName] = array($result[$child->nodeName]);
				}
				$result[$child->nodeName][] = $value;
			}
		}
		if (!$hasElements && !isset($result['attributes'])) {
			return $element->textContent;
		}
		return $result;
	}

	static function hasElementChildren(DOMElement $element)
	{
		foreach ($element->childNodes as $child) {
			if ($child->nodeType === XML_ELEMENT_NODE) {
				return true;
			}
		}
		return false;
	}

	static function buildResponse($modules)
	{
		$document = new DOMDocument('1.0', 'UTF-8');
		$root = $document->appendChild($document->createElement('zarafa'));
		foreach ($modules as $module) {
			self::append($document, $root, 'module', $module);
		}
		return $document->saveXML();
	}

	static function append(DOMDocument $document, DOMNode $parent, $name, $value)
	{
		if (is_array($value) && array_is_list($value) && $value !== array()) {
			foreach ($value as $item) {
				self::append($document, $parent, $name, $item);
			}
			return;
		}
		$element = $parent->appendChild($document->createElement($name));
		if (!is_array($value)) {
			$element->appendChild($document->createTextNode((string) $value));
			return;
		}
		foreach ($value as $key => $child) {
			if ($key === 'attributes') {
				foreach ($child as $attribute => $text) {
					$element->setAttribute($attribute, (string) $text);
				}
			} else {
				self::append($document, $element, $key, $child);
			}
		}
	}
}
